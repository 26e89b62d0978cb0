// Command attack-client is the test suite's independent Fabric client: it does what an officer
// with an enrolled identity can do without gbx. It signs proposals itself with a timestamp of its
// own choosing, sends them to the peers it picks, assembles the transaction from the endorsements
// it chose, broadcasts it to an orderer and reads the validation code back from the peers' block
// streams. It shares no code with gbx.
//
// It reads one plan (JSON) on standard input and writes one report (JSON) on standard output; see
// Plan and Report below. The Java integration tests in org.gbx.it.attack drive it.
package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"os"
	"sync"
	"time"

	cb "github.com/hyperledger/fabric-protos-go-apiv2/common"
	mspproto "github.com/hyperledger/fabric-protos-go-apiv2/msp"
	ab "github.com/hyperledger/fabric-protos-go-apiv2/orderer"
	pb "github.com/hyperledger/fabric-protos-go-apiv2/peer"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"
)

// Node is a peer or orderer endpoint with the root certificate of its TLS CA.
type Node struct {
	Address     string `json:"address"`
	TLSRootCert string `json:"tlsRootCert"`
}

// Identity is an enrolled user's MSP folder content.
type Identity struct {
	MspID    string `json:"mspId"`
	CertFile string `json:"certFile"`
	KeyFile  string `json:"keyFile"`
}

// Call is one proposal: what to invoke, when to say it was made, who endorses, and what follows.
type Call struct {
	Function string            `json:"function"`
	Args     []string          `json:"args"`
	// Input, when set, replaces Function and Args as the raw chaincode input; a null element is an empty argument.
	Input     []*string         `json:"input"`
	RawInput  bool              `json:"rawInput"`
	Transient map[string]string `json:"transient"`
	// Timestamp (RFC 3339) or TimestampOffsetSeconds (from now) sets the proposal time; default now.
	Timestamp              string  `json:"timestamp"`
	TimestampOffsetSeconds float64 `json:"timestampOffsetSeconds"`
	Endorsers              []string `json:"endorsers"`
	Submit                 bool     `json:"submit"`
	WaitOn                 []string `json:"waitOn"`
}

// Plan is the whole run: the caller's identity, the network, and the calls in order.
type Plan struct {
	Identity    Identity        `json:"identity"`
	Channel     string          `json:"channel"`
	Chaincode   string          `json:"chaincode"`
	Peers       map[string]Node `json:"peers"`
	Orderer     Node            `json:"orderer"`
	Calls       []Call          `json:"calls"`
	WaitSeconds int             `json:"waitSeconds"`
}

// Endorsement is one peer's answer to a proposal.
type Endorsement struct {
	Peer    string `json:"peer"`
	Status  int32  `json:"status"`
	Message string `json:"message"`
	Payload string `json:"payload"`
	Error   string `json:"error,omitempty"`
}

// Commit is what one peer's block stream said of a submitted transaction.
type Commit struct {
	ValidationCode string  `json:"validationCode"`
	Block          uint64  `json:"block"`
	Seconds        float64 `json:"seconds"`
}

// Outcome is the report of one call.
type Outcome struct {
	TxID            string            `json:"txId"`
	Timestamp       string            `json:"timestamp"`
	Endorsements    []Endorsement     `json:"endorsements"`
	Submitted       bool              `json:"submitted"`
	NotSubmitted    string            `json:"notSubmitted,omitempty"`
	BroadcastStatus string            `json:"broadcastStatus,omitempty"`
	Commits         map[string]Commit `json:"commits"`
	Missing         []string          `json:"missing,omitempty"`

	envelope    *cb.Envelope
	broadcastAt time.Time
}

// Report is everything the run saw.
type Report struct {
	Outcomes []*Outcome `json:"outcomes"`
}

func main() {
	var plan Plan
	if err := json.NewDecoder(os.Stdin).Decode(&plan); err != nil {
		fail("cannot read the plan: %v", err)
	}
	signer, err := loadSigner(plan.Identity)
	if err != nil {
		fail("%v", err)
	}
	report, err := run(plan, signer)
	if err != nil {
		fail("%v", err)
	}
	out := json.NewEncoder(os.Stdout)
	out.SetIndent("", "  ")
	if err := out.Encode(report); err != nil {
		fail("cannot write the report: %v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "attack-client: "+format+"\n", args...)
	os.Exit(1)
}

func run(plan Plan, signer *signer) (*Report, error) {
	report := &Report{}
	for _, call := range plan.Calls {
		outcome, err := endorse(plan, signer, call)
		if err != nil {
			return nil, err
		}
		report.Outcomes = append(report.Outcomes, outcome)
	}
	// Block streams open before anything is broadcast, so no commit can be missed.
	waits := map[string]bool{}
	for _, call := range plan.Calls {
		for _, peer := range call.WaitOn {
			waits[peer] = true
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(max(plan.WaitSeconds, 1))*time.Second)
	defer cancel()
	streams := map[string]*blockStream{}
	for peer := range waits {
		stream, err := openBlocks(ctx, plan, signer, peer)
		if err != nil {
			return nil, err
		}
		streams[peer] = stream
	}
	orderer, err := dial(plan.Orderer)
	if err != nil {
		return nil, err
	}
	defer orderer.Close()
	for i, call := range plan.Calls {
		outcome := report.Outcomes[i]
		if !call.Submit || outcome.envelope == nil {
			continue
		}
		status, err := broadcast(ctx, orderer, outcome.envelope)
		if err != nil {
			return nil, err
		}
		outcome.Submitted = true
		outcome.BroadcastStatus = status
		outcome.broadcastAt = time.Now()
	}
	for i, call := range plan.Calls {
		outcome := report.Outcomes[i]
		if !outcome.Submitted {
			continue
		}
		for _, peer := range call.WaitOn {
			commit, ok := streams[peer].await(ctx, outcome.TxID)
			if !ok {
				outcome.Missing = append(outcome.Missing, peer)
				continue
			}
			commit.Seconds = commit.seen.Sub(outcome.broadcastAt).Seconds()
			outcome.Commits[peer] = commit.Commit
		}
	}
	return report, nil
}

// endorse builds and signs the proposal and asks each chosen peer to endorse it; when every
// endorsement succeeded with the same result it also assembles the signed envelope.
func endorse(plan Plan, signer *signer, call Call) (*Outcome, error) {
	at := time.Now().Add(time.Duration(call.TimestampOffsetSeconds * float64(time.Second)))
	if call.Timestamp != "" {
		parsed, err := time.Parse(time.RFC3339Nano, call.Timestamp)
		if err != nil {
			return nil, fmt.Errorf("timestamp %q: %v", call.Timestamp, err)
		}
		at = parsed
	}
	proposal, header, txID, err := newProposal(plan, signer, call, at)
	if err != nil {
		return nil, err
	}
	proposalBytes, err := proto.Marshal(proposal)
	if err != nil {
		return nil, err
	}
	signature, err := signer.sign(proposalBytes)
	if err != nil {
		return nil, err
	}
	signed := &pb.SignedProposal{ProposalBytes: proposalBytes, Signature: signature}
	outcome := &Outcome{TxID: txID, Timestamp: at.UTC().Format(time.RFC3339Nano), Commits: map[string]Commit{}}

	responses := make([]*pb.ProposalResponse, len(call.Endorsers))
	outcome.Endorsements = make([]Endorsement, len(call.Endorsers))
	var wg sync.WaitGroup
	for i, name := range call.Endorsers {
		wg.Add(1)
		go func(i int, name string) {
			defer wg.Done()
			e := Endorsement{Peer: name}
			response, err := processProposal(plan, name, signed)
			if err != nil {
				e.Error = err.Error()
			} else {
				responses[i] = response
				e.Status = response.GetResponse().GetStatus()
				e.Message = response.GetResponse().GetMessage()
				e.Payload = string(response.GetResponse().GetPayload())
			}
			outcome.Endorsements[i] = e
		}(i, name)
	}
	wg.Wait()
	if !call.Submit {
		return outcome, nil
	}
	var endorsements []*pb.Endorsement
	for i, response := range responses {
		switch {
		case response == nil || response.GetResponse().GetStatus() != 200 || response.GetEndorsement() == nil:
			outcome.NotSubmitted = "peer " + call.Endorsers[i] + " did not endorse"
			return outcome, nil
		case !proto.Equal(response, responses[0]) && string(response.GetPayload()) != string(responses[0].GetPayload()):
			outcome.NotSubmitted = "the endorsements do not match"
			return outcome, nil
		}
		endorsements = append(endorsements, response.GetEndorsement())
	}
	if len(endorsements) == 0 {
		outcome.NotSubmitted = "no endorser named"
		return outcome, nil
	}
	envelope, err := newEnvelope(signer, proposal, header, responses[0].GetPayload(), endorsements)
	if err != nil {
		return nil, err
	}
	outcome.envelope = envelope
	return outcome, nil
}

func newProposal(plan Plan, signer *signer, call Call, at time.Time) (*pb.Proposal, *cb.Header, string, error) {
	var args [][]byte
	if call.RawInput {
		for _, arg := range call.Input {
			if arg == nil {
				args = append(args, nil)
			} else {
				args = append(args, []byte(*arg))
			}
		}
	} else {
		args = append(args, []byte(call.Function))
		for _, arg := range call.Args {
			args = append(args, []byte(arg))
		}
	}
	signatureHeader, nonce, err := signer.header()
	if err != nil {
		return nil, nil, "", err
	}
	digest := sha256.Sum256(append(append([]byte{}, nonce...), signer.creator...))
	txID := hex.EncodeToString(digest[:])
	extension, err := proto.Marshal(&pb.ChaincodeHeaderExtension{ChaincodeId: &pb.ChaincodeID{Name: plan.Chaincode}})
	if err != nil {
		return nil, nil, "", err
	}
	channelHeader, err := proto.Marshal(&cb.ChannelHeader{
		Type:      int32(cb.HeaderType_ENDORSER_TRANSACTION),
		ChannelId: plan.Channel,
		TxId:      txID,
		Timestamp: timestamppb.New(at),
		Extension: extension,
	})
	if err != nil {
		return nil, nil, "", err
	}
	header := &cb.Header{ChannelHeader: channelHeader, SignatureHeader: signatureHeader}
	headerBytes, err := proto.Marshal(header)
	if err != nil {
		return nil, nil, "", err
	}
	input, err := proto.Marshal(&pb.ChaincodeInvocationSpec{ChaincodeSpec: &pb.ChaincodeSpec{
		Type:        pb.ChaincodeSpec_JAVA,
		ChaincodeId: &pb.ChaincodeID{Name: plan.Chaincode},
		Input:       &pb.ChaincodeInput{Args: args},
	}})
	if err != nil {
		return nil, nil, "", err
	}
	transient := map[string][]byte{}
	for key, value := range call.Transient {
		transient[key] = []byte(value)
	}
	payload, err := proto.Marshal(&pb.ChaincodeProposalPayload{Input: input, TransientMap: transient})
	if err != nil {
		return nil, nil, "", err
	}
	return &pb.Proposal{Header: headerBytes, Payload: payload}, header, txID, nil
}

// newEnvelope is the transaction as a client assembles it: the proposal's header, its payload
// without the transient data, the chosen peers' common result and their endorsements.
func newEnvelope(signer *signer, proposal *pb.Proposal, header *cb.Header, result []byte,
	endorsements []*pb.Endorsement) (*cb.Envelope, error) {
	var cpp pb.ChaincodeProposalPayload
	if err := proto.Unmarshal(proposal.Payload, &cpp); err != nil {
		return nil, err
	}
	cpp.TransientMap = nil
	cppBytes, err := proto.Marshal(&cpp)
	if err != nil {
		return nil, err
	}
	actionPayload, err := proto.Marshal(&pb.ChaincodeActionPayload{
		ChaincodeProposalPayload: cppBytes,
		Action:                   &pb.ChaincodeEndorsedAction{ProposalResponsePayload: result, Endorsements: endorsements},
	})
	if err != nil {
		return nil, err
	}
	transaction, err := proto.Marshal(&pb.Transaction{Actions: []*pb.TransactionAction{
		{Header: header.SignatureHeader, Payload: actionPayload},
	}})
	if err != nil {
		return nil, err
	}
	payload, err := proto.Marshal(&cb.Payload{Header: header, Data: transaction})
	if err != nil {
		return nil, err
	}
	signature, err := signer.sign(payload)
	if err != nil {
		return nil, err
	}
	return &cb.Envelope{Payload: payload, Signature: signature}, nil
}

func processProposal(plan Plan, name string, signed *pb.SignedProposal) (*pb.ProposalResponse, error) {
	node, ok := plan.Peers[name]
	if !ok {
		return nil, fmt.Errorf("no peer %q in the plan", name)
	}
	conn, err := dial(node)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return pb.NewEndorserClient(conn).ProcessProposal(ctx, signed)
}

func broadcast(ctx context.Context, conn *grpc.ClientConn, envelope *cb.Envelope) (string, error) {
	stream, err := ab.NewAtomicBroadcastClient(conn).Broadcast(ctx)
	if err != nil {
		return "", err
	}
	defer stream.CloseSend()
	if err := stream.Send(envelope); err != nil {
		return "", err
	}
	response, err := stream.Recv()
	if err != nil {
		return "", err
	}
	return response.GetStatus().String(), nil
}

type seenCommit struct {
	Commit
	seen time.Time
}

// blockStream follows one peer's filtered blocks from the newest on.
type blockStream struct {
	mu      sync.Mutex
	changed *sync.Cond
	seen    map[string]seenCommit
	err     error
}

func openBlocks(ctx context.Context, plan Plan, signer *signer, name string) (*blockStream, error) {
	node, ok := plan.Peers[name]
	if !ok {
		return nil, fmt.Errorf("no peer %q in the plan", name)
	}
	conn, err := dial(node)
	if err != nil {
		return nil, err
	}
	stream, err := pb.NewDeliverClient(conn).DeliverFiltered(ctx)
	if err != nil {
		return nil, err
	}
	request, err := seekNewest(plan, signer)
	if err != nil {
		return nil, err
	}
	if err := stream.Send(request); err != nil {
		return nil, err
	}
	blocks := &blockStream{seen: map[string]seenCommit{}}
	blocks.changed = sync.NewCond(&blocks.mu)
	go func() {
		defer conn.Close()
		for {
			response, err := stream.Recv()
			blocks.mu.Lock()
			if err != nil {
				blocks.err = err
				blocks.changed.Broadcast()
				blocks.mu.Unlock()
				return
			}
			if block := response.GetFilteredBlock(); block != nil {
				now := time.Now()
				for _, tx := range block.GetFilteredTransactions() {
					blocks.seen[tx.GetTxid()] = seenCommit{Commit{ValidationCode: tx.GetTxValidationCode().String(),
						Block: block.GetNumber()}, now}
				}
			} else if status := response.GetStatus(); status != cb.Status_UNKNOWN && status != cb.Status_SUCCESS {
				blocks.err = fmt.Errorf("peer %s refused the block stream: %s", name, status)
			}
			blocks.changed.Broadcast()
			blocks.mu.Unlock()
		}
	}()
	go func() {
		<-ctx.Done()
		blocks.mu.Lock()
		blocks.changed.Broadcast()
		blocks.mu.Unlock()
	}()
	return blocks, nil
}

func (b *blockStream) await(ctx context.Context, txID string) (seenCommit, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for {
		if commit, ok := b.seen[txID]; ok {
			return commit, true
		}
		if b.err != nil || ctx.Err() != nil {
			return seenCommit{}, false
		}
		b.changed.Wait()
	}
}

func seekNewest(plan Plan, signer *signer) (*cb.Envelope, error) {
	seek, err := proto.Marshal(&ab.SeekInfo{
		Start:    &ab.SeekPosition{Type: &ab.SeekPosition_Newest{Newest: &ab.SeekNewest{}}},
		Stop:     &ab.SeekPosition{Type: &ab.SeekPosition_Specified{Specified: &ab.SeekSpecified{Number: ^uint64(0)}}},
		Behavior: ab.SeekInfo_BLOCK_UNTIL_READY,
	})
	if err != nil {
		return nil, err
	}
	channelHeader, err := proto.Marshal(&cb.ChannelHeader{Type: int32(cb.HeaderType_DELIVER_SEEK_INFO),
		ChannelId: plan.Channel, Timestamp: timestamppb.Now()})
	if err != nil {
		return nil, err
	}
	signatureHeader, _, err := signer.header()
	if err != nil {
		return nil, err
	}
	payload, err := proto.Marshal(&cb.Payload{Header: &cb.Header{ChannelHeader: channelHeader,
		SignatureHeader: signatureHeader}, Data: seek})
	if err != nil {
		return nil, err
	}
	signature, err := signer.sign(payload)
	if err != nil {
		return nil, err
	}
	return &cb.Envelope{Payload: payload, Signature: signature}, nil
}

func dial(node Node) (*grpc.ClientConn, error) {
	root, err := os.ReadFile(node.TLSRootCert)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(root) {
		return nil, fmt.Errorf("no certificate in %s", node.TLSRootCert)
	}
	creds := credentials.NewTLS(&tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12})
	return grpc.NewClient(node.Address, grpc.WithTransportCredentials(creds),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(100*1024*1024)))
}

// signer signs as the enrolled user: ECDSA P-256 over SHA-256, low-S as Fabric requires.
type signer struct {
	key     *ecdsa.PrivateKey
	creator []byte
}

func loadSigner(id Identity) (*signer, error) {
	cert, err := os.ReadFile(id.CertFile)
	if err != nil {
		return nil, err
	}
	keyPEM, err := os.ReadFile(id.KeyFile)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(keyPEM)
	if block == nil {
		return nil, fmt.Errorf("no PEM key in %s", id.KeyFile)
	}
	parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, err
	}
	key, ok := parsed.(*ecdsa.PrivateKey)
	if !ok {
		return nil, errors.New("the key is not an ECDSA key")
	}
	creator, err := proto.Marshal(&mspproto.SerializedIdentity{Mspid: id.MspID, IdBytes: cert})
	if err != nil {
		return nil, err
	}
	return &signer{key: key, creator: creator}, nil
}

// header is a fresh signature header: the creator and a new nonce.
func (s *signer) header() ([]byte, []byte, error) {
	nonce := make([]byte, 24)
	if _, err := rand.Read(nonce); err != nil {
		return nil, nil, err
	}
	header, err := proto.Marshal(&cb.SignatureHeader{Creator: s.creator, Nonce: nonce})
	return header, nonce, err
}

func (s *signer) sign(message []byte) ([]byte, error) {
	digest := sha256.Sum256(message)
	r, sv, err := ecdsa.Sign(rand.Reader, s.key, digest[:])
	if err != nil {
		return nil, err
	}
	halfOrder := new(big.Int).Rsh(s.key.Curve.Params().N, 1)
	if sv.Cmp(halfOrder) > 0 {
		sv = new(big.Int).Sub(s.key.Curve.Params().N, sv)
	}
	return asn1.Marshal(struct{ R, S *big.Int }{r, sv})
}
