package org.atalaya.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A control centre's live alert stream, read as a browser's EventSource would read it: Server-
 * Sent Events over one HTTP response. Events are queued as they arrive; {@link #next(Duration)}
 * blocks until the next one.
 */
final class AlertStream implements AutoCloseable {

    /** One event: its id, its name and its data. */
    record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;
    private volatile IOException failure;

    private AlertStream(InputStream body) {
        this.body = body;
        this.reader = new Thread(this::read, "itest-alert-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Opens the stream and returns once the hub has answered and sent its opening comment, so
     * every alert stored from then on is on it.
     */
    static AlertStream open(String url, String user, String password, String lastEventId) throws Exception {
        HttpRequest.Builder request = Rest.request(URI.create(url)).GET()
                .header("Accept", "text/event-stream").header("Authorization", Rest.basic(user, password))
                .header("X-Purpose", Rest.PURPOSE);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = Rest.client().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String problem = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new AssertionError("stream refused: " + response.statusCode() + " " + problem);
        }
        AlertStream stream = new AlertStream(response.body());
        Event opening = stream.events.poll(AtalayaTestSupport.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (opening == null || !"open".equals(opening.name())) {
            throw new AssertionError("the stream did not open: " + opening);
        }
        return stream;
    }

    /** The next event, or {@code null} when none came in time. */
    Event next(Duration wait) throws InterruptedException, IOException {
        Event event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null && failure != null) {
            throw failure;
        }
        return event;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            boolean opening = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (name != null || data.length() > 0) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    } else if (opening) {
                        events.add(new Event(null, "open", ""));
                    }
                    opening = false;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("retry:")) {
                    opening = true; // the hub's first block: the stream is open
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException closed) {
            failure = closed;
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
