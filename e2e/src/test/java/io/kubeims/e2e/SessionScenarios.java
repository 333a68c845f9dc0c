package io.kubeims.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The SIPp session scenarios of {@code src/test/resources/sipp} (calls, CANCEL, busy, SMS over IP) as files for one
 * run, with the placeholders a test fills in, and their injection files.
 */
final class SessionScenarios {

    static final String REGISTER = "ue-register.xml";
    static final String CALLER = "call-uac.xml";
    static final String CALLER_REJECTED = "call-uac-rejected.xml";
    static final String CALLER_CANCELS = "call-uac-cancel.xml";
    static final String CALLEE_ANSWERS = "call-uas-answer.xml";
    static final String CALLEE_BUSY = "call-uas-busy.xml";
    static final String CALLEE_RINGS = "call-uas-ringing.xml";
    static final String SMS_UE = "sms-ue.xml";
    static final String SMSC = "smsc-as.xml";

    /** The Service-Route URI callers put in Route (a ';' in it rules out an injection field). */
    static final String SERVICE_ROUTE = "SERVICE_ROUTE";
    /** The final response call-uac-rejected.xml waits for. */
    static final String EXPECTED_STATUS = "EXPECTED_STATUS";
    /** Where smsc-as.xml sends its report (the I-CSCF). */
    static final String TERMINATING_HOST = "TERMINATING_HOST";
    static final String TERMINATING_PORT = "TERMINATING_PORT";

    private SessionScenarios() {
    }

    /** The scenario {@code resource} with each key of {@code replacements} replaced, written into {@code work}. */
    static Path write(Path work, String resource, Map<String, String> replacements) throws IOException {
        String text;
        try (InputStream in = SessionScenarios.class.getResourceAsStream("/sipp/" + resource)) {
            if (in == null) {
                throw new IOException("/sipp/" + resource + " is not on the test class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            if (!text.contains(replacement.getKey())) {
                throw new IllegalArgumentException(resource + " has no " + replacement.getKey());
            }
            text = text.replace(replacement.getKey(), replacement.getValue());
        }
        Files.createDirectories(work);
        Path scenario = work.resolve(resource);
        Files.writeString(scenario, text, StandardCharsets.ISO_8859_1);
        return scenario;
    }

    static Path write(Path work, String resource) throws IOException {
        return write(work, resource, Map.of());
    }

    /** A SEQUENTIAL injection file, one call per line, fields separated by ';'. */
    static Path injection(Path work, List<List<String>> calls) throws IOException {
        StringBuilder csv = new StringBuilder("SEQUENTIAL\n");
        for (List<String> fields : calls) {
            csv.append(String.join(";", fields)).append('\n');
        }
        Files.createDirectories(work);
        Path file = work.resolve("calls.csv");
        Files.writeString(file, csv, StandardCharsets.ISO_8859_1);
        return file;
    }
}
