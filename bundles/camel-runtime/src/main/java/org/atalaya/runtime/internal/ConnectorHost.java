package org.atalaya.runtime.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.activemq.artemis.core.paging.PagingManager;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteBuilderLifecycleStrategy;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.errorhandler.NoErrorHandlerDefinition;
import org.atalaya.runtime.Connector;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the hub's one CamelContext and hosts the connectors' routes in it. A connector's routes
 * are added when its service appears and exactly those routes are stopped and removed when it
 * goes; the context and every other route keep running. A configuration change restarts the
 * context (DS reactivates the component), and every connector is added again.
 */
@Component(immediate = true, configurationPid = ConnectorHost.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RuntimeConfiguration.class)
public class ConnectorHost {

    static final String PID = "org.atalaya.runtime";
    static final String CONTEXT_NAME = "atalaya";

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorHost.class);

    /** Bound connectors, in arrival order, each with the route ids it added (empty until added). */
    private final Map<Connector, List<String>> connectors = new LinkedHashMap<>();
    private final ConnectorClassLoader classLoader = new ConnectorClassLoader(ConnectorHost.class.getClassLoader());

    /**
     * The broker embedded in this container, when there is one: the hub's own when
     * {@code broker.url} is in-VM ({@code vm://}), asked before a posted batch is sent whether it
     * holds senders back for lack of disk ({@link org.atalaya.runtime.BrokerFull}).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ActiveMQServer embeddedBroker;

    private DefaultCamelContext camel;
    private JmsPoolConnectionFactory connectionFactory;
    private ServiceRegistration<CamelContext> registration;

    @Activate
    void activate(BundleContext bundleContext, RuntimeConfiguration config) throws Exception {
        start(config);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("camel.context.name", CONTEXT_NAME);
        registration = bundleContext.registerService(CamelContext.class, camel, properties);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        stop();
    }

    synchronized void start(RuntimeConfiguration config) throws Exception {
        if (config.broker_password() == null || config.broker_password().isBlank()) {
            throw new IllegalStateException("broker.password is not set in " + PID
                    + "; the hub cannot connect to its broker");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            camel = new DefaultCamelContext(false);
            camel.getCamelContextExtension().setName(CONTEXT_NAME);
            camel.setApplicationContextClassLoader(classLoader);
            camel.getShutdownStrategy().setTimeout(config.shutdownTimeoutSeconds());
            camel.getShutdownStrategy().setLogInflightExchangesOnTimeout(true);
            ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory(config.broker_url(),
                    config.broker_user(), config.broker_password());
            // a session looks a destination up on the broker once, not on every send
            broker.setCacheDestinations(true);
            camel.addComponent("jms", jms(broker, config));
            boolean inVm = config.broker_url().strip().startsWith("vm:");
            camel.addComponent(BatchJmsComponent.SCHEME, new BatchJmsComponent(broker, connectionFactory,
                    () -> inVm && diskFull(embeddedBroker)));
            camel.getCamelContextExtension().setErrorHandlerFactory(DeadLetters.channel(config));
            camel.build();
            camel.start();
        } finally {
            thread.setContextClassLoader(previous);
        }
        LOG.info("Camel context {} started, broker {} as {}", CONTEXT_NAME, config.broker_url(),
                config.broker_user());
        for (Connector connector : connectors.keySet()) {
            deploy(connector);
        }
    }

    synchronized void stop() {
        if (camel != null) {
            camel.stop();
            camel = null;
            LOG.info("Camel context {} stopped", CONTEXT_NAME);
        }
        if (connectionFactory != null) {
            connectionFactory.stop();
            connectionFactory = null;
        }
        connectors.replaceAll((connector, routes) -> List.of());
    }

    private JmsComponent jms(ActiveMQConnectionFactory broker, RuntimeConfiguration config) {
        connectionFactory = new JmsPoolConnectionFactory();
        connectionFactory.setConnectionFactory(broker);
        connectionFactory.setMaxConnections(config.broker_maxConnections());
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        // Consumers whose broker is not there yet (at boot) try again every second.
        jms.getConfiguration().setRecoveryInterval(1000);
        // A transacted jms: consumer commits its local session only after the route is done, but
        // what the route sends goes on its own session: the broker drops a re-sent event by
        // its duplicate id, where a duplicate inside the consumer's transaction would roll it
        // back, and redeliver it, again and again. The jms-batch: consumers, on the hot paths,
        // do send within their transaction, and handle that refusal (BatchJmsConsumer).
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        jms.getConfiguration().setExposeListenerSession(false);
        return jms;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addConnector(Connector connector) {
        connectors.put(connector, List.of());
        if (camel != null) {
            deploy(connector);
        }
    }

    synchronized void removeConnector(Connector connector) {
        List<String> routeIds = connectors.remove(connector);
        if (camel != null && routeIds != null) {
            undeploy(connector, routeIds);
        }
        classLoader.remove(connector.getClass().getClassLoader());
    }

    /** The route ids each deployed connector added, by connector name. */
    synchronized Map<String, List<String>> deployedRoutes() {
        Map<String, List<String>> routes = new LinkedHashMap<>();
        connectors.forEach((connector, ids) -> routes.put(connector.name(), ids));
        return routes;
    }

    /**
     * A route that takes a whole batch as one exchange ({@code jms-batch} with
     * {@code grouped=true}) gets no error handler: the dead-letter channel would retry the batch
     * in place and then send its list of messages as one dead letter. A failure rolls the batch
     * back instead, and the broker delivers each event again; the route dead-letters an event it
     * refuses itself ({@link org.atalaya.runtime.DeadLetter}).
     */
    private static final RouteBuilderLifecycleStrategy GROUPED_WITHOUT_DEAD_LETTER_CHANNEL =
            new RouteBuilderLifecycleStrategy() {
                @Override
                public void afterConfigure(RouteBuilder builder) {
                    for (RouteDefinition route : builder.getRouteCollection().getRoutes()) {
                        if (BatchJmsComponent.grouped(route.getInput().getEndpointUri())) {
                            route.setErrorHandlerFactory(new NoErrorHandlerDefinition());
                        }
                    }
                }
            };

    /** Whether the broker holds senders back now because the free space on its disk is under its minimum. */
    static boolean diskFull(ActiveMQServer broker) {
        PagingManager paging = broker == null ? null : broker.getPagingManager();
        return paging != null && paging.isDiskFull();
    }

    CamelContext camelContext() {
        return camel;
    }

    private void deploy(Connector connector) {
        classLoader.add(connector.getClass().getClassLoader());
        Set<String> before = routeIds();
        try {
            RoutesBuilder routes = connector.routes();
            if (routes instanceof RouteBuilder builder) {
                builder.addLifecycleInterceptor(GROUPED_WITHOUT_DEAD_LETTER_CHANNEL);
            }
            camel.addRoutes(routes);
        } catch (Exception | LinkageError e) {
            // A broken connector (bad route, missing import) must not take the hub down: log
            // it, add nothing of it.
            Set<String> partial = routeIds();
            partial.removeAll(before);
            undeploy(connector, new ArrayList<>(partial));
            LOG.error("Connector {} could not be deployed; its routes were not started", connector.name(), e);
            return;
        }
        Set<String> added = routeIds();
        added.removeAll(before);
        List<String> ids = added.stream().sorted().collect(Collectors.toList());
        connectors.put(connector, List.copyOf(ids));
        for (String id : ids) {
            if (!id.startsWith(connector.name() + "-")) {
                LOG.warn("Route {} of connector {} does not carry the connector's name", id, connector.name());
            }
        }
        LOG.info("Connector {} deployed with routes {}", connector.name(), ids);
    }

    private void undeploy(Connector connector, List<String> routeIds) {
        for (String id : routeIds) {
            try {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            } catch (Exception e) {
                LOG.error("Route {} of connector {} could not be removed", id, connector.name(), e);
            }
        }
        LOG.info("Connector {} undeployed, routes {} removed", connector.name(), routeIds);
    }

    private Set<String> routeIds() {
        return camel.getRoutes().stream().map(Route::getRouteId).collect(Collectors.toCollection(HashSet::new));
    }
}
