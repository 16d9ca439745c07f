package com.cvchat.gateway.edge;

import com.cvchat.gateway.GatewayProperties;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy — then the address that proxy (and the
 * trusted proxies before it) recorded in {@code X-Forwarded-For}. A header from a peer that is not trusted is ignored,
 * so a client cannot choose its address.
 * <ul>
 * <li>CIDRs ({@code trusted-proxies}): {@code X-Forwarded-For} is read from the right, skipping trusted proxies; the
 * first address that is not one is the client (what a client wrote to the left of it is never reached).</li>
 * <li>Hop count ({@code trusted-hops} = n): the client is the n-th entry from the right.</li>
 * </ul>
 * Entries that are not IP literals end the walk (never a DNS look-up); the last trusted hop is then the client.
 */
public final class ClientAddressResolver {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Cidr> trusted;
    private final int hops;

    public ClientAddressResolver(GatewayProperties.ClientAddress settings) {
        this.trusted = settings.trustedProxies().stream().map(Cidr::parse).toList();
        this.hops = Math.max(0, settings.trustedHops());
    }

    /** The client behind {@code peer}, given the request's {@code X-Forwarded-For} header values (may be empty). */
    public String resolve(String peer, List<String> forwardedFor) {
        if (!peerIsTrusted(peer)) {
            return peer;
        }
        List<String> hopsToTheLeft = entries(forwardedFor);
        String client = peer;
        for (int i = hopsToTheLeft.size() - 1, seen = 1; i >= 0; i--, seen++) {
            Optional<String> entry = literal(hopsToTheLeft.get(i));
            if (entry.isEmpty()) {
                return client;
            }
            client = entry.get();
            if (hops > 0 ? seen >= hops : !isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean peerIsTrusted(String peer) {
        return trusted.isEmpty() ? hops > 0 : isTrusted(peer);
    }

    private boolean isTrusted(String address) {
        Optional<byte[]> bytes = literal(address).map(ClientAddressResolver::bytes);
        return bytes.isPresent() && trusted.stream().anyMatch(cidr -> cidr.contains(bytes.get()));
    }

    private static List<String> entries(List<String> headerValues) {
        List<String> entries = new ArrayList<>();
        for (String value : headerValues) {
            for (String entry : value.split(",")) {
                entries.add(entry.trim());
            }
        }
        return entries;
    }

    /** The entry as a normalised IP literal (port and brackets removed), or empty when it is not one. */
    static Optional<String> literal(String entry) {
        String address = entry;
        if (address.startsWith("[") && address.indexOf(']') > 0) {
            address = address.substring(1, address.indexOf(']'));
        } else if (address.indexOf(':') > 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':')); // IPv4 with a port
        }
        boolean v4 = IPV4.matcher(address).matches();
        if (v4 && java.util.Arrays.stream(address.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)
                || !v4 && !IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getHostAddress()); // a literal: parsed, never looked up
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code 10.0.0.0/8}, {@code fd00::/8} or a single address. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            byte[] network = literal(parts[0]).map(ClientAddressResolver::bytes)
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR: " + text));
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("bad prefix length: " + text);
            }
            return new Cidr(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
