package org.atalaya.security.soap.internal;

import javax.jws.WebService;
import javax.xml.ws.BindingType;
import javax.xml.ws.soap.SOAPBinding;

/** The same desk, for callers that speak SOAP 1.2. */
@WebService(serviceName = "PlateDesk12", targetNamespace = PlateDesk.NAMESPACE)
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
public class PlateDesk12 extends PlateDesk {
}
