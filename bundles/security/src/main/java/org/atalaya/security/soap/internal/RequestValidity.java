package org.atalaya.security.soap.internal;

import javax.xml.bind.UnmarshalException;
import javax.xml.bind.ValidationEvent;
import javax.xml.bind.ValidationEventHandler;

import org.xml.sax.SAXParseException;

/**
 * Stops the reading of a request at the first place it does not follow the service's schema:
 * the schema of its WSDL, which CXF checks the body against ({@code schema-validation-enabled}),
 * and the values JAXB cannot convert. By default JAXB goes on: {@code <limit>ten</limit>}
 * becomes 0, and {@code <since>1763721600</since>} a time in the year 1763721600, which is one of
 * XML Schema's forms of a date, though not of the {@code xs:dateTime} the WSDL asks for; the
 * operation would then run with what the caller never asked for (an agency's alerts of every
 * time, say). Such a request is refused as the caller's ({@code Client}, {@code Sender}) by
 * {@link FaultAnswer}, with {@link #reason(Throwable)}. Warnings go on.
 */
final class RequestValidity implements ValidationEventHandler {

    @Override
    public boolean handleEvent(ValidationEvent event) {
        return event.getSeverity() == ValidationEvent.WARNING;
    }

    /**
     * What the caller is told of a request refused so: where, and why, from the first JAXB
     * refusal in {@code fault}'s causes; {@code null} if there is none.
     */
    static String reason(Throwable fault) {
        for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnmarshalException refused) {
                return describe(refused);
            }
        }
        return null;
    }

    private static String describe(UnmarshalException refused) {
        Throwable linked = refused.getLinkedException();
        String why = linked != null && linked.getMessage() != null ? linked.getMessage() : refused.getMessage();
        String where = linked instanceof SAXParseException at && at.getLineNumber() > 0
                ? " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")"
                : "";
        return "The request does not follow the service's WSDL (?wsdl)" + where + ": " + strip(why);
    }

    private static String strip(String why) {
        String text = why == null ? "" : why.strip();
        return text.endsWith(".") ? text : text + ".";
    }
}
