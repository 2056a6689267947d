package dev.poolhit.target.symbol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.target.SymbolException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolPathTest {
    private static final Path DEFAULT = Path.of("/home/u/.poolhit/sym");
    private static final String MSDL = "https://msdl.microsoft.com/download/symbols";

    @Test
    void windbgForms() {
        SymbolPath p = SymbolPath.parse(" srv*C:\\sym*" + MSDL + " ; /opt/pdbs;;SRV*" + MSDL
                + ";cache*/var/cache/sym;srv*http://corp/sym;symsrv*symsrv.dll*/c2*http://x/y", DEFAULT);
        assertEquals(List.of(
                new SymbolServerElement(List.of(Path.of("C:\\sym")), MSDL),
                new SymbolFolderElement(Path.of("/opt/pdbs")),
                new SymbolServerElement(List.of(DEFAULT), MSDL),
                new SymbolCacheElement(Path.of("/var/cache/sym")),
                new SymbolServerElement(List.of(Path.of("/var/cache/sym")), "http://corp/sym"),
                new SymbolServerElement(List.of(Path.of("/c2")), "http://x/y")), p.elements());
    }

    @Test
    void emptyCacheFieldsMeanTheDefaultStore() {
        assertEquals(List.of(new SymbolServerElement(List.of(DEFAULT), MSDL), new SymbolCacheElement(DEFAULT)),
                SymbolPath.parse("srv**" + MSDL + ";cache*", DEFAULT).elements());
    }

    @Test
    void serverElementWithoutServerIsAnError() {
        assertEquals("symbol path element 2 'srv*': no server or store after the last '*'",
                assertThrows(SymbolException.class, () -> SymbolPath.parse("/a;srv*", DEFAULT)).getMessage());
    }

    @Test
    void onlyHttpServersAreDownloadedFrom() {
        SymbolPath p = SymbolPath.parse("srv*/c*\\\\share\\symbols;srv*/c*HTTPS://x", DEFAULT);
        assertEquals(false, ((SymbolServerElement) p.elements().get(0)).isHttp());
        assertEquals(true, ((SymbolServerElement) p.elements().get(1)).isHttp());
    }
}
