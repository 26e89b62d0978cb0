package org.gbx.client.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.gbx.client.audit.chain.BlockSource;
import org.gbx.client.audit.chain.PeerBlockSource;
import org.gbx.client.config.Organisation;
import org.hyperledger.fabric.client.Network;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gbx audit}: the oversight committee's own checks of the ledger. */
@Command(name = "audit")
final class AuditCommand extends CommandGroup {

    /**
     * Base of the audit subcommands: like {@link LedgerCommand}, but the exit code is the
     * command's to choose, because an audit that finds problems must say so to scripts.
     */
    abstract static class AuditSubcommand implements Callable<Integer> {

        /** A block can be large; reading one may take longer than an ordinary query. */
        private static final Duration BLOCK_DEADLINE = Duration.ofSeconds(30);

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() {
            return execute(((Gbx) spec.root().userObject()).session()).code();
        }

        abstract ExitCode execute(CliSession session);

        /** The committee's own peer (or whichever organisation the user acts for), read block by block. */
        static BlockSource ownPeer(CliSession session) {
            return peerOf(session, session.connection().network(), session.orgKey());
        }

        static BlockSource peerOf(CliSession session, Network network, String orgKey) {
            Organisation organisation = session.config().requireOrganisation(orgKey);
            return new PeerBlockSource(network, "peer " + organisation.peer().endpoint() + " ("
                    + organisation.mspId() + ")", BLOCK_DEADLINE);
        }
    }
}
