package org.atalaya.runtime.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The CamelContext's application class loader: the runtime bundle's own loader first (Camel,
 * Spring, the Artemis client), then the loader of each deployed connector bundle, so that Camel
 * can load a connector's classes by name. Loaders are added when a connector's routes are added
 * and dropped when they are removed, so an uninstalled bundle is not pinned in memory.
 */
final class ConnectorClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final List<ClassLoader> connectorLoaders = new CopyOnWriteArrayList<>();

    ConnectorClassLoader(ClassLoader runtimeLoader) {
        super("atalaya-connectors", runtimeLoader);
    }

    void add(ClassLoader loader) {
        if (loader != null && loader != getParent() && !connectorLoaders.contains(loader)) {
            connectorLoaders.add(loader);
        }
    }

    void remove(ClassLoader loader) {
        connectorLoaders.remove(loader);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader loader : connectorLoaders) {
            try {
                return loader.loadClass(name);
            } catch (ClassNotFoundException notThere) {
                // try the next connector
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected java.net.URL findResource(String name) {
        for (ClassLoader loader : connectorLoaders) {
            java.net.URL url = loader.getResource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }
}
