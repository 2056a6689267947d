package dev.poolhit.jupyter.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of kernel.json for this kernel. argv uses the installing JVM's absolute java (the
 * usual "wrong java on PATH" failure of Java kernels) and {@code {resource_dir}} so the spec
 * directory stays relocatable; message-mode interrupts keep the JVM alive on interrupt.
 *
 * @param javaPath    absolute path of the java launcher
 * @param displayName name shown in Jupyter's kernel menu
 * @param jvmOptions  extra JVM options placed before {@code -jar}
 */
public record KernelSpec(String javaPath, String displayName, List<String> jvmOptions) {
    static final String JAR_NAME = "kernel.jar";
    static final String MARKER = "poolhit";

    Map<String, Object> toJson(String version) {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(javaPath);
        argv.addAll(jvmOptions);
        argv.add("-Djava.awt.headless=true");
        argv.addAll(List.of("-jar", "{resource_dir}/" + JAR_NAME, "{connection_file}"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", argv);
        json.put("display_name", displayName);
        json.put("language", "java");
        json.put("interrupt_mode", "message");
        json.put("env", Map.of());
        json.put("metadata", Map.of(MARKER, Map.of("version", version)));
        return json;
    }

    String toJsonText(String version) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(version)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("kernel.json of plain maps must serialize", e);
        }
    }
}
