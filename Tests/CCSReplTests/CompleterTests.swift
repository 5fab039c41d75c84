import CCSCloud
import CCSLanguage
import CloudControlLocal
import ResourceSchemas
import Testing

@testable import CCSRepl

/// Completion against the real Cloud Control built-ins over the in-process emulator (its
/// shipped schemas answer `types()` and `schema()`).
struct CompleterTests {
    let session: Session
    let completer: Completer

    init() throws {
        let host = ScriptHost(output: OutputSink { _ in })
        let registry = BuiltinRegistry()
        StandardLibrary.register(into: registry, host: host)
        let schemas = try SchemaRegistry()
        let engine = try LocalCloudControl(databasePath: ":memory:", registry: schemas)
        CloudBuiltins.register(into: registry, session: CloudSession(service: { engine }, schemas: schemas))
        session = Session(interpreter: Interpreter(registry: registry, host: host))
        completer = Completer(session: session, catalog: TypeCatalog(interpreter: session.interpreter))
    }

    func evaluate(_ text: String) throws {
        _ = try session.evaluate(SourceFile(name: "<repl>", directory: nil, bytes: Array(text.utf8)))
    }

    @Test func typeNamesCompleteOneSegmentAtATime() {
        #expect(
            completer.complete(pending: "", line: "list(\"AWS::Log")
                == Completion(word: "AWS::Log", candidates: ["AWS::Logs::"]))
        let groups = completer.complete(pending: "", line: "get(\"AWS::Logs::LogG")
        #expect(groups == Completion(word: "AWS::Logs::LogG", candidates: ["AWS::Logs::LogGroup"]))
    }

    @Test func aStringThatIsNotATypeArgumentCompletesNothing() {
        #expect(completer.complete(pending: "", line: "print(\"AWS::Lo").candidates.isEmpty)
        #expect(
            completer.complete(pending: "", line: "create(\"AWS::Logs::LogGroup\", \"AWS::").candidates
                .isEmpty)
    }

    @Test func propertiesCompleteAtKeysOfTheCreateMap() {
        let first = completer.complete(pending: "", line: "create(\"AWS::Logs::LogGroup\", {Re")
        #expect(first.candidates == ["RetentionInDays"])
        let later = completer.complete(
            pending: "create(\"AWS::Logs::LogGroup\", {", line: "  RetentionInDays: 7, LogGroupN")
        #expect(later.candidates == ["LogGroupName"])
        // Arn is read-only: a create cannot set it.
        #expect(
            !completer.complete(pending: "", line: "create(\"AWS::Logs::LogGroup\", {").candidates.contains(
                "Arn"))
        // A value position is not a property key.
        #expect(completer.complete(pending: "", line: "create(\"AWS::Logs::LogGroup\", {Tags: Ke").candidates.isEmpty)
        // Nor a map that is an argument of a call inside the create map.
        #expect(
            completer.complete(pending: "", line: "create(\"AWS::Logs::LogGroup\", {Tags: f({Ke").candidates.isEmpty)
    }

    @Test func propertiesCompleteInNestedMapsThroughTheSchemaDefinitions() {
        let tag = completer.complete(pending: "", line: "create(\"AWS::Logs::LogGroup\", {Tags: [{Ke")
        #expect(tag == Completion(word: "Ke", candidates: ["Key"]))
        let second = completer.complete(
            pending: "", line: "create(\"AWS::Logs::LogGroup\", {Tags: [{Key: \"a\", Value: \"b\"}, {V")
        #expect(second.candidates == ["Value"])
        let bucket = completer.complete(
            pending: "", line: "create(\"AWS::S3::Bucket\", {VersioningConfiguration: {")
        #expect(bucket.candidates == ["Status"])
    }

    @Test func propertiesCompleteInAPatchByTypeAndIdentifier() {
        let candidates = completer.complete(pending: "", line: "patch(\"AWS::Logs::LogGroup\", \"g\", {Ret")
        #expect(candidates == Completion(word: "Ret", candidates: ["RetentionInDays"]))
    }

    @Test func propertiesCompleteInAPatchMapWithoutCreateOnlyOnes() throws {
        try evaluate(
            "let g = get(\"AWS::Logs::LogGroup\", wait(create(\"AWS::Logs::LogGroup\", {LogGroupName: \"p\"})).Identifier)"
        )
        let candidates = completer.complete(pending: "", line: "patch(g, {").candidates
        #expect(candidates.contains("RetentionInDays"))
        #expect(!candidates.contains("LogGroupName"))  // create-only
        #expect(!candidates.contains("Arn"))  // read-only
    }

    @Test func fieldsOfAValueInScope() throws {
        try evaluate("let g = {props: {RetentionInDays: 7, Retry: 1, Name: \"x\"}}")
        #expect(
            completer.complete(pending: "", line: "print(g.props.Ret").candidates == [
                "RetentionInDays", "Retry",
            ])
        #expect(completer.complete(pending: "", line: "g.").candidates == ["props"])
        #expect(completer.complete(pending: "", line: "nothere.x").candidates.isEmpty)
    }

    @Test func namesKeywordsAndBuiltins() throws {
        try evaluate("let my_value = 1")
        #expect(completer.complete(pending: "", line: "my_").candidates == ["my_value"])
        #expect(completer.complete(pending: "", line: "let x = upp").candidates == ["upper"])
        #expect(completer.complete(pending: "", line: "whi").candidates == ["while"])
    }

    @Test func metaCommandsAndTheirArguments() {
        #expect(completer.complete(pending: "", line: ":sch").candidates == [":schema"])
        #expect(completer.complete(pending: "", line: ":help upp").candidates == ["upper"])
        #expect(
            completer.complete(pending: "", line: ":schema AWS::Logs::Log").candidates
                == ["AWS::Logs::LogAnomalyDetector", "AWS::Logs::LogGroup", "AWS::Logs::LogStream"])
    }

    @Test func commonPrefixAndColumns() {
        #expect(Completion.commonPrefix(["RetentionInDays", "Retry"]) == "Ret")
        #expect(Completion.columns(["a", "bb", "c"], width: 8) == "a   bb\nc")
    }
}
