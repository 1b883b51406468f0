package org.atalaya.security.soap.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.runtime.EdgeValidation;

/**
 * Refuses, before anything parses it (phase {@code receive}), a request whose bytes are not text
 * the hub reads: more bytes than the limit, a NUL, or anything that is not UTF-8 in its one form
 * per character. The parser would otherwise decode an overlong form as the character it imitates
 * (a {@code /} sent in two bytes reaches an operation as a {@code /}), and take the bytes as
 * ISO-8859-1 when the Content-Type names no charset. A UTF-16 or UTF-32 request, or a byte order
 * mark of either before UTF-8 text, is refused too; UTF-8's own byte order mark is allowed, as XML
 * allows it. A request that passes is read as the UTF-8 it was checked as, whatever charset its
 * Content-Type names. The refusal is the caller's ({@code Client}, {@code Sender}).
 */
final class RequestEncoding extends AbstractPhaseInterceptor<Message> {

    private final int maxBytes;

    RequestEncoding(int maxBytes) {
        super(Phase.RECEIVE);
        this.maxBytes = maxBytes;
    }

    @Override
    public void handleMessage(Message message) {
        InputStream body = message.getContent(InputStream.class);
        if (body == null) {
            return;
        }
        byte[] request;
        try {
            request = body.readNBytes(maxBytes + 1);
        } catch (IOException unread) {
            throw refused("The request could not be read to its end.");
        }
        if (request.length > maxBytes) {
            throw refused("The request is larger than " + maxBytes + " bytes.");
        }
        for (int i = 0; i < request.length; i++) {
            if (request[i] == 0) {
                throw refused("The request is not valid XML: a NUL at byte " + i + ".");
            }
        }
        try {
            EdgeValidation.requireUtf8(request, "XML");
        } catch (RejectedEvent notUtf8) {
            throw refused("The request is " + notUtf8.getMessage() + ".");
        }
        message.setContent(InputStream.class, new ByteArrayInputStream(request));
        message.put(Message.ENCODING, StandardCharsets.UTF_8.name());
    }

    private static Fault refused(String reason) {
        return new Fault(new UnreadableRequest(reason), Fault.FAULT_CODE_CLIENT);
    }

    /** Why a request cannot be read, in words the caller can act on; it is sent to the caller. */
    static final class UnreadableRequest extends Exception {

        private static final long serialVersionUID = 1L;

        UnreadableRequest(String reason) {
            super(reason, null, false, false);
        }
    }
}
