import CCSLanguage
import CloudControl

/// The iterator behind `list` and `requests`: CloudControl's `Paginator` (page size, max
/// items, starting and resume tokens, a repeated NextToken) with each item turned into a
/// script value. The paginator asks for a page only when the iteration has used up the
/// previous one, so a loop that stops early never fetches pages it does not reach, and memory
/// holds one page at a time however many items there are.
final class PaginatedValues<Input: PaginatedInput>: ValueIterator {
    private let function: String
    private let input: Input
    private let config: PaginationConfig
    private let session: CloudSession
    private let context: CallContext
    private let value: (Input.Output.Item) throws -> Value
    private let explain: (ScriptError) -> ScriptError
    /// Made on the first `next()`, since the session builds its service on first use.
    private var paginator: Paginator<Input>?

    /// - Parameters:
    ///   - function: the built-in, which names its errors.
    ///   - context: the built-in's context, checked for Ctrl-C before each page.
    ///   - value: the script value of one item.
    ///   - explain: adds to an error of a page request (e.g. what a listing lacks).
    init(
        _ function: String, input: Input, config: PaginationConfig = PaginationConfig(),
        session: CloudSession,
        context: CallContext, value: @escaping (Input.Output.Item) throws -> Value,
        explain: @escaping (ScriptError) -> ScriptError = { $0 }
    ) {
        self.function = function
        self.input = input
        self.config = config
        self.session = session
        self.context = context
        self.value = value
        self.explain = explain
    }

    func next() throws -> Value? {
        // Asking for no items sends no request.
        if config.maxItems == 0 { return nil }
        let item: Input.Output.Item?
        do {
            item = try session.call(function) { service in
                try (paginator ?? start(service)).nextItem()
            }
        } catch let error as ScriptError {
            throw explain(error)
        }
        return try item.map(value)
    }

    private func start(_ service: CloudControlService) -> Paginator<Input> {
        let made = Paginator(service: service, input: input, config: config)
        let context = self.context
        made.beforeRequest = { try context.checkInterrupted() }
        paginator = made
        return made
    }
}
