package org.atalaya.routes.controlcentres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;

import javax.wsdl.Definition;
import javax.wsdl.factory.WSDLFactory;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.wsdl11.ServiceWSDLBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WSDL the agencies generate their clients from, as CXF builds it from the service. */
class ConsultationWsdlTest {

    private Bus bus;
    private String wsdl;

    @BeforeEach
    void describe() throws Exception {
        bus = BusFactory.newInstance().createBus();
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress("/soap/consultation");
        factory.setServiceBean(new ConsultationService(null, null, new Callers(List.of()), () -> null));
        Server server = factory.create();
        Definition definition = new ServiceWSDLBuilder(bus, server.getEndpoint().getService().getServiceInfos())
                .build();
        StringWriter text = new StringWriter();
        WSDLFactory.newInstance().newWSDLWriter().writeWSDL(definition, text);
        wsdl = text.toString();
    }

    @AfterEach
    void shutDown() {
        bus.shutdown(true);
    }

    @Test
    void theServiceIsConsultationServiceInItsVersionedNamespace() {
        assertThat(wsdl).contains("targetNamespace=\"urn:atalaya:soap:consultation:v1\"")
                .contains("<wsdl:service name=\"ConsultationService\">")
                .contains("<wsdl:operation name=\"CheckPlate\">").contains("<wsdl:operation name=\"FindAlerts\">")
                .contains("style=\"document\"").contains("use=\"literal\"");
    }

    @Test
    void requestsCarryThePurposeAndCaseAndTimesAreDateTimes() {
        assertThat(wsdl).contains("name=\"purpose\"").contains("name=\"caseReference\"")
                .contains("name=\"since\" type=\"xs:dateTime\"")
                .contains("name=\"raisedAt\" type=\"xs:dateTime\"")
                .contains("name=\"validFrom\" type=\"xs:dateTime\"")
                .contains("name=\"limit\" type=\"xs:int\"");
    }

    @Test
    void theAnswersAndFaultsHaveTheirOwnNamedTypes() {
        assertThat(wsdl).contains("complexType name=\"PlateCheck\"").contains("complexType name=\"Hit\"")
                .contains("complexType name=\"HotlistEntry\"").contains("complexType name=\"Alerts\"")
                .contains("complexType name=\"Alert\"").contains("complexType name=\"Problem\"")
                .contains("<wsdl:fault name=\"InvalidRequest\"").contains("<wsdl:fault name=\"NoControlCentre\"");
    }
}
