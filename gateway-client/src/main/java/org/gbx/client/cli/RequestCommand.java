package org.gbx.client.cli;

import picocli.CommandLine.Command;

/** {@code gbx request ...}: the request lifecycle, one subcommand per action. */
@Command(name = "request", subcommands = {
    RequestCreateCommand.class, RequestListCommand.class, RequestShowCommand.class, RequestHistoryCommand.class,
    RequestApproveCommand.class, RequestRejectCommand.class, RequestRevokeCommand.class})
final class RequestCommand extends CommandGroup {
}
