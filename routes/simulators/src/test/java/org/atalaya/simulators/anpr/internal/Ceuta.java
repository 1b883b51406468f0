package org.atalaya.simulators.anpr.internal;

import java.util.List;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.geo.GeoPoint;

/** Camera sites for the tests: two on the border approaches, two in town. */
final class Ceuta {

    static final Camera TARAJAL = new Camera("tarajal-1", "Frontera del Tarajal, salida",
            new GeoPoint(35.8717, -5.3430), 200, true);
    static final Camera BENZU = new Camera("benzu-1", "Frontera de Benzú", new GeoPoint(35.9158, -5.3786), 250, true);
    static final Camera PUERTO = new Camera("puerto-2", "Puerto, acceso a la estación marítima",
            new GeoPoint(35.8893, -5.3167), 90, false);
    static final Camera HACHO = new Camera("hacho_3", "Carretera del Monte Hacho", new GeoPoint(35.8986, -5.2907), 30,
            false);

    static final List<Camera> CAMERAS = List.of(TARAJAL, BENZU, PUERTO, HACHO);

    private Ceuta() {
    }
}
