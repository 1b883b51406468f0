package org.atalaya.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class HubPortsTest {

    @Test
    void portsHandedToTheHubAreFreeDistinctAndOutsideTheRangeTheKernelPicksFrom() throws Exception {
        int ephemeralStart = Integer.parseInt(
                Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ports.add(Hub.freePort());
        }

        assertThat(new HashSet<>(ports)).hasSameSizeAs(ports);
        assertThat(ports).allSatisfy(port -> assertThat(port).isBetween(20_000, ephemeralStart - 1));
        // what a simulator's server or an outgoing connection gets from the kernel is none of them
        for (int i = 0; i < 50; i++) {
            try (ServerSocket any = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                assertThat(ports).doesNotContain(any.getLocalPort());
            }
        }
        try (ServerSocket first = new ServerSocket(ports.get(0), 1, InetAddress.getLoopbackAddress())) {
            assertThat(first.getLocalPort()).isEqualTo(ports.get(0));
        }
    }
}
