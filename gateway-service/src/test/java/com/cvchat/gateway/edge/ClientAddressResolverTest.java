package com.cvchat.gateway.edge;

import com.cvchat.gateway.GatewayProperties;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressResolverTest {

    private final ClientAddressResolver cidrs = new ClientAddressResolver(
            new GatewayProperties.ClientAddress(List.of("10.0.0.0/8", "192.168.1.1"), 0));

    @Test
    void shouldIgnoreTheHeaderFromAPeerThatIsNotTrusted() {
        assertThat(cidrs.resolve("203.0.113.5", List.of("1.2.3.4"))).isEqualTo("203.0.113.5");
        assertThat(cidrs.resolve("11.0.0.1", List.of("1.2.3.4"))).as("just outside 10/8").isEqualTo("11.0.0.1");
        assertThat(new ClientAddressResolver(new GatewayProperties.ClientAddress(List.of(), 0))
                .resolve("10.1.1.1", List.of("1.2.3.4"))).as("nobody trusted by default").isEqualTo("10.1.1.1");
    }

    @Test
    void shouldTakeTheFirstAddressFromTheRightThatIsNotATrustedProxy() {
        assertThat(cidrs.resolve("10.1.1.1", List.of("1.2.3.4"))).isEqualTo("1.2.3.4");
        assertThat(cidrs.resolve("10.1.1.1", List.of("6.6.6.6, 1.2.3.4, 192.168.1.1, 10.2.2.2")))
                .as("a spoofed entry left of the real client is never reached").isEqualTo("1.2.3.4");
        assertThat(cidrs.resolve("10.1.1.1", List.of("6.6.6.6", "1.2.3.4"))).as("two header lines").isEqualTo("1.2.3.4");
        assertThat(cidrs.resolve("10.1.1.1", List.of("10.9.9.9"))).as("only proxies: the leftmost").isEqualTo("10.9.9.9");
        assertThat(cidrs.resolve("10.1.1.1", List.of())).as("no header").isEqualTo("10.1.1.1");
        assertThat(cidrs.resolve("10.1.1.1", List.of("1.2.3.4:5678"))).as("with a port").isEqualTo("1.2.3.4");
        assertThat(cidrs.resolve("10.1.1.1", List.of("[2001:db8::1]:443"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void shouldStopAtAnEntryThatIsNotAnAddressWithoutLookingItUp() {
        assertThat(cidrs.resolve("10.1.1.1", List.of("1.2.3.4, example.com"))).isEqualTo("10.1.1.1");
        assertThat(cidrs.resolve("10.1.1.1", List.of("999.1.1.1"))).isEqualTo("10.1.1.1");
        assertThat(cidrs.resolve("10.1.1.1", List.of("unknown, 10.3.3.3"))).isEqualTo("10.3.3.3");
    }

    @Test
    void shouldCountHopsWhenConfiguredSo() {
        ClientAddressResolver twoProxies = new ClientAddressResolver(new GatewayProperties.ClientAddress(List.of(), 2));
        assertThat(twoProxies.resolve("10.1.1.1", List.of("6.6.6.6, 1.2.3.4, 172.16.0.9"))).isEqualTo("1.2.3.4");
        assertThat(twoProxies.resolve("10.1.1.1", List.of("1.2.3.4"))).as("fewer entries than hops").isEqualTo("1.2.3.4");
        ClientAddressResolver hopsFromTrustedPeers = new ClientAddressResolver(
                new GatewayProperties.ClientAddress(List.of("10.0.0.0/8"), 1));
        assertThat(hopsFromTrustedPeers.resolve("203.0.113.5", List.of("1.2.3.4"))).isEqualTo("203.0.113.5");
        assertThat(hopsFromTrustedPeers.resolve("10.1.1.1", List.of("6.6.6.6, 1.2.3.4"))).isEqualTo("1.2.3.4");
    }
}
