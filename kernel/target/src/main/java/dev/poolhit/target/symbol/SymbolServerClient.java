package dev.poolhit.target.symbol;

import dev.poolhit.target.PdbFormatException;
import dev.poolhit.target.SymbolException;
import dev.poolhit.target.pdb.PdbFile;
import dev.poolhit.target.pe.CodeViewInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Downloads PDBs from an HTTP symbol server ({@code SERVER/name/KEY/name}) into a downstream store.
 * The file is written beside the store as a partial download, opened and checked (MSF format,
 * GUID, age), and only then moved into place, so nothing unchecked is ever left in the cache.
 */
public final class SymbolServerClient {
    private static final System.Logger LOG = System.getLogger(SymbolServerClient.class.getName());
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param http    must follow redirects (public servers answer 302 to a CDN): see {@link #defaultHttpClient}
     * @param timeout limit for one whole request (the HTTP client's own clock, not a sleep)
     */
    public SymbolServerClient(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** An HTTP client that follows redirects (not to https-to-http downgrades) with a connect timeout. */
    public static HttpClient defaultHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(connectTimeout).build();
    }

    public static URI url(String server, CodeViewInfo id) {
        String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        String name = id.pdbFileName();
        return URI.create(base + "/" + name + "/" + id.symbolKey() + "/" + name);
    }

    /** The cached PDB after downloading it; empty when the server has no such file (HTTP 404). */
    public Optional<Path> fetch(String server, CodeViewInfo id, Path cache) {
        URI url = url(server, id);
        Path target = PdbMatch.storePath(cache, id);
        Path partial = cache.resolve(id.pdbFileName() + "." + id.symbolKey() + ".partial");
        try {
            Files.createDirectories(cache);
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new SymbolException("symbol server: HTTP " + response.statusCode() + " for " + url);
            }
            check(partial, id, url);
            Files.createDirectories(target.getParent());
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.log(System.Logger.Level.INFO, "downloaded {0} to {1}", url, target);
            return Optional.of(target);
        } catch (IOException e) {
            throw new SymbolException("symbol server: download of " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SymbolException("symbol server: download of " + url + " interrupted", e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static void check(Path file, CodeViewInfo id, URI url) throws IOException {
        byte[] head = new byte[4];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 4);
            if (n == 4 && new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("MSCF")) {
                throw new SymbolException("symbol server: " + url + " sent a CAB-compressed file (.pd_), not supported");
            }
        }
        PdbFile pdb;
        try {
            pdb = PdbFile.open(file);
        } catch (PdbFormatException e) {
            throw new SymbolException("symbol server: corrupt PDB from " + url + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new SymbolException("symbol server: cannot read download of " + url + ": " + e.getMessage(), e);
        }
        String mismatch = PdbMatch.mismatch(pdb, id, Path.of(url.getPath()));
        if (mismatch != null) {
            throw new SymbolException("symbol server: wrong PDB from " + url + ": " + mismatch);
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete partial download " + partial, e);
        }
    }
}
