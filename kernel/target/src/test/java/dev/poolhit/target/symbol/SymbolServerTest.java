package dev.poolhit.target.symbol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.poolhit.target.SymbolException;
import dev.poolhit.target.TestFixtures;
import dev.poolhit.target.pe.CodeViewInfo;
import dev.poolhit.target.pe.PeImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real loopback HTTP symbol server serving a fixture PDB read at test time (never copied into the repo). */
class SymbolServerTest {
    @TempDir Path cache;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private String url;
    private CodeViewInfo id;
    private byte[] pdb;

    @BeforeEach
    void start() throws IOException {
        id = PeImage.parseFile(TestFixtures.require(TestFixtures.REGTEST + ".exe")).codeView().orElseThrow();
        pdb = TestFixtures.bytes(TestFixtures.REGTEST + ".pdb");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            if (exchange.getRequestURI().getPath().startsWith("/moved/")) {
                exchange.getResponseHeaders().add("Location", exchange.getRequestURI().getPath().replace("/moved/", "/sym/"));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            byte[] body = served.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/sym";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String key() {
        return "/sym/dump_syms_regtest64.pdb/72E103A85CB249078B76B2E7C06257B13/dump_syms_regtest64.pdb";
    }

    private PdbLocator locator() {
        SymbolServerClient client = new SymbolServerClient(HttpClient.newHttpClient(), Duration.ofSeconds(30));
        return new PdbLocator(SymbolPath.parse("srv*" + cache + "*" + url, cache), Optional.of(client));
    }

    @Test
    void downloadsIntoTheWindbgCacheLayoutThenReusesIt() throws IOException {
        served.put(key(), pdb);
        PdbLookup first = locator().find(id);
        Path expected = cache.resolve("dump_syms_regtest64.pdb/72E103A85CB249078B76B2E7C06257B13/dump_syms_regtest64.pdb");
        assertEquals(Optional.of(expected), first.path());
        assertArrayEquals(pdb, Files.readAllBytes(expected));
        assertEquals(1, requests.get());

        PdbLookup second = locator().find(id);
        assertEquals(Optional.of(expected), second.path());
        assertEquals(1, requests.get()); // served from the cache, no request
        assertEquals(List.of(expected), files());
    }

    @Test
    void followsRedirectsWithTheDefaultClient() {
        served.put(key(), pdb);
        SymbolServerClient client = new SymbolServerClient(SymbolServerClient.defaultHttpClient(Duration.ofSeconds(5)),
                Duration.ofSeconds(30));
        String moved = "http://127.0.0.1:" + server.getAddress().getPort() + "/moved";
        assertEquals(Optional.of(cache.resolve("dump_syms_regtest64.pdb/72E103A85CB249078B76B2E7C06257B13/dump_syms_regtest64.pdb")),
                client.fetch(moved, id, cache));
        assertEquals(2, requests.get());
    }

    @Test
    void cabCompressedAnswerIsNamed() {
        served.put(key(), "MSCF and then a cabinet".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        SymbolServerClient client = new SymbolServerClient(HttpClient.newHttpClient(), Duration.ofSeconds(30));
        assertEquals("symbol server: http://127.0.0.1:" + server.getAddress().getPort() + key()
                + " sent a CAB-compressed file (.pd_), not supported",
                assertThrows(SymbolException.class, () -> client.fetch(url, id, cache)).getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void corruptDownloadIsRefusedAndNothingIsCached() {
        served.put(key(), java.util.Arrays.copyOf(pdb, 4096)); // a truncated transfer
        SymbolServerClient client = new SymbolServerClient(HttpClient.newHttpClient(), Duration.ofSeconds(30));
        SymbolException e = assertThrows(SymbolException.class, () -> client.fetch(url, id, cache));
        assertEquals("symbol server: corrupt PDB from http://127.0.0.1:" + server.getAddress().getPort() + key()
                + ": superblock: NumBlocks 987 x BlockSize 1024 exceeds file size 0x1000"
                + " (dump_syms_regtest64.pdb.72E103A85CB249078B76B2E7C06257B13.partial)", e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void pdbWithAnotherGuidIsRefusedAndNothingIsCached() {
        served.put(key(), TestFixtures.bytes(TestFixtures.CRASH + ".pdb"));
        PdbLookup lookup = locator().find(id);
        assertEquals(Optional.empty(), lookup.path());
        assertEquals(List.of("symbol server: wrong PDB from http://127.0.0.1:" + server.getAddress().getPort() + key()
                + ": " + key() + ": GUID {F535C5FB-2AE8-4BB8-AA20-6C30BE566C5A} age 1,"
                + " expected GUID {72E103A8-5CB2-4907-8B76-B2E7C06257B1} age 3"), lookup.notes());
        assertEquals(List.of(), files());
    }

    @Test
    void missingOnServerIsANote() {
        PdbLookup lookup = locator().find(id);
        assertEquals(Optional.empty(), lookup.path());
        assertEquals(List.of("http://127.0.0.1:" + server.getAddress().getPort() + key() + ": not on the server (HTTP 404)"),
                lookup.notes());
    }

    private List<Path> files() {
        try (Stream<Path> walk = Files.walk(cache)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
