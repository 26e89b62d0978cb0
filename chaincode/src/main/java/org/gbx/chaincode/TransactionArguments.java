package org.gbx.chaincode;

import static org.gbx.chaincode.ErrorCode.MALFORMED_ARGUMENTS;
import static org.gbx.chaincode.ErrorCode.UNKNOWN_TRANSACTION;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeBase;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Checks the shape of an invocation before the shim's router sees it. The router answers a call
 * with no arguments at all with an empty success, and a known transaction with the wrong number of
 * arguments with "Unexpected error"; here both get a documented error code (docs/ledger.md).
 * Everything else goes to the router unchanged.
 */
final class TransactionArguments extends ChaincodeBase {

    /** Each transaction of the contract with the number of string arguments it takes. */
    static final Map<String, Integer> ARITY = Arrays.stream(ExchangeContract.class.getMethods())
            .filter(method -> method.isAnnotationPresent(Transaction.class))
            .collect(Collectors.toUnmodifiableMap(method -> method.getAnnotation(Transaction.class).name(),
                    method -> method.getParameterCount() - 1));

    private final ContractRouter router;

    /** Reads the chaincode's settings from the environment as the router does (its logging is left as set). */
    TransactionArguments(ContractRouter router, String[] args) {
        this.router = router;
        processEnvironmentOptions();
        processCommandLineOptions(args);
        validateOptions();
        getChaincodeConfig();
    }

    @Override
    public Response init(ChaincodeStub stub) {
        return refusal(stub.getArgs()).orElseGet(() -> router.init(stub));
    }

    @Override
    public Response invoke(ChaincodeStub stub) {
        return refusal(stub.getArgs()).orElseGet(() -> router.invoke(stub));
    }

    /** The refusal of a call of the wrong shape; unknown names are the contract's own to refuse. */
    static Optional<Response> refusal(List<byte[]> args) {
        if (args.isEmpty()) {
            return Optional.of(response(UNKNOWN_TRANSACTION.refuse("no transaction named: the first argument is its name")));
        }
        Integer arity = ARITY.get(new String(args.get(0), StandardCharsets.UTF_8));
        if (arity != null && arity != args.size() - 1) {
            return Optional.of(response(MALFORMED_ARGUMENTS.refuse("this transaction takes " + arity + " argument"
                    + (arity == 1 ? "" : "s") + ", not " + (args.size() - 1))));
        }
        return Optional.empty();
    }

    private static Response response(ChaincodeException refusal) {
        return newErrorResponse(refusal.getMessage(), refusal.getPayload());
    }
}
