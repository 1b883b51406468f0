package org.atalaya.security.soap.internal;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an allowed call's audit record when its answer is ready and before anything of it is
 * sent: phase {@code pre-logical}, ahead of {@code prepare-send} (where the response is opened)
 * and {@code marshal} (where the answer is written). When the record cannot be stored the answer
 * is dropped for a {@code ServiceUnavailable} fault, so that nothing is disclosed unrecorded.
 */
final class AnswerAudit extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerAudit.class);

    private final SoapAudit audit;

    AnswerAudit(SoapAudit audit) {
        super(Phase.PRE_LOGICAL);
        this.audit = audit;
    }

    @Override
    public void handleMessage(Message message) {
        SoapCall call = SoapCall.find(message);
        if (call == null || call.consultation() == null) {
            return; // not a call the gate let through: a refusal is audited where it is made
        }
        try {
            audit.answered(call, true, "allowed", null);
        } catch (RuntimeException notRecorded) {
            LOG.error("The audit record of {} by '{}' could not be stored: nothing is disclosed", call.action(),
                    call.caller().person(), notRecorded);
            throw FaultAnswer.unavailable(message);
        }
    }
}
