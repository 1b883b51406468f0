package org.atalaya.security.soap.internal;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Reads the request to the end of its envelope once the body is unmarshalled and before the gate
 * and the operation see it (phase {@code post-unmarshal}). CXF reads an envelope only as far as
 * it needs, so without this a request cut short after its body, or with more after its envelope,
 * would be answered as if it were whole. What does not parse is refused as the caller's.
 */
final class WholeEnvelope extends AbstractPhaseInterceptor<Message> {

    WholeEnvelope() {
        super(Phase.POST_UNMARSHAL);
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader request = message.getContent(XMLStreamReader.class);
        if (request == null) {
            return;
        }
        try {
            while (request.hasNext()) {
                request.next();
            }
        } catch (XMLStreamException notWellFormed) {
            throw new Fault(notWellFormed, Fault.FAULT_CODE_CLIENT);
        }
    }
}
