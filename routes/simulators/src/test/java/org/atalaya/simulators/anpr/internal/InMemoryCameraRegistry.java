package org.atalaya.simulators.anpr.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.CameraRegistry;

/** The hub's camera registry, kept in memory. */
final class InMemoryCameraRegistry implements CameraRegistry {

    private final Map<String, Camera> cameras = new ConcurrentSkipListMap<>();

    InMemoryCameraRegistry(List<Camera> cameras) {
        cameras.forEach(this::put);
    }

    @Override
    public Optional<Camera> find(String id) {
        return Optional.ofNullable(cameras.get(id));
    }

    @Override
    public List<Camera> list() {
        return List.copyOf(cameras.values());
    }

    @Override
    public boolean put(Camera camera) {
        return cameras.put(camera.id(), camera) == null;
    }

    @Override
    public boolean remove(String id) {
        return cameras.remove(id) != null;
    }
}
