package io.kubeims.local;

import io.kubeims.config.NetworkFunction;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.ue.UeCredentials;
import io.kubeims.cscf.ue.UeSettings;
import io.kubeims.cscf.ue.UserEquipment;
import io.kubeims.hssclient.HssRegistration;
import io.kubeims.protocol.aka.SubscriberKeys;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import javax.sip.message.Response;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole local core as a UE sees it: carol (SIP Digest, UDP) and alice (AKAv1-MD5 with the OP of her Secret,
 * TCP) register through the printed P-CSCF address with the credentials of deploy/examples, 401 then 200, and the
 * HSS then names the local S-CSCF pool as serving them.
 *
 * <p>Runs once the CSCF image wires the P-CSCF and S-CSCF roles ({@link TestCores#AVAILABLE} holds all four
 * functions); until then it is skipped, saying why.
 */
class LocalRegistrationTest {

    @TempDir
    Path temp;

    @Test
    void carolWithMd5AndAliceWithAkaRegisterThroughThePcscf() throws Exception {
        Assumptions.assumeTrue(TestCores.AVAILABLE.containsAll(EnumSet.allOf(NetworkFunction.class)),
                "the CSCF image of this branch does not run the P-CSCF and S-CSCF roles yet");
        FreePorts ports = FreePorts.find();
        try (LocalCore core = LocalCore.start(TestCores.options(temp.resolve("data"), ports))) {
            String domain = core.domain();
            Map<String, String> carolSecret = ExampleManifestFiles.secret("carol-credentials");
            UeSettings carol = UeSettings.of("carol", "127.0.0.1", "carol@" + domain, "sip:carol@" + domain, domain,
                    new UeCredentials.Password(carolSecret.get("password")),
                    new NextHop("127.0.0.1", core.pcscfAddress().getPort(), NextHop.UDP));
            try (UserEquipment ue = UserEquipment.start(carol)) {
                assertEquals(Response.OK, ue.register().getStatusCode(), "carol (MD5) over UDP");
            }

            Map<String, String> aliceSecret = ExampleManifestFiles.secret("alice-credentials");
            UeSettings alice = UeSettings.of("alice", "127.0.0.1", "alice@" + domain, "sip:alice@" + domain, domain,
                    new UeCredentials.Aka(SubscriberKeys.fromOpHex(aliceSecret.get("k"), aliceSecret.get("op")),
                            HexFormat.of().parseHex(aliceSecret.get("amf"))),
                    new NextHop("127.0.0.1", core.pcscfAddress().getPort(), NextHop.TCP));
            try (UserEquipment ue = UserEquipment.start(alice)) {
                assertEquals(Response.OK, ue.register().getStatusCode(), "alice (AKA) over TCP");
            }

            String scscfPool = "sip:127.0.0.1:" + (ports.base() + 8);   // core-config's local S-CSCF, port base + 8
            for (String impi : new String[] {"carol@" + domain, "alice@" + domain}) {
                HssRegistration registration = core.hssClient().registration(impi).orElseThrow();
                assertEquals(scscfPool, registration.serverName(), impi);
            }
        }
    }
}
