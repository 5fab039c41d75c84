import CCSLanguage
import CloudControl

extension CloudBuiltins {
    /// `get_all` and `list(T, {details: true})`: GetResource of many identifiers at once
    /// through `ParallelRun`, so the reads overlap as those of a thread pool do.
    static func registerFanout(into registry: BuiltinRegistry, session: CloudSession) {
        registry.register(
            Builtin(
                "get_all", minArity: 2, maxArity: 3,
                doc: """
                    get_all(type, identifiers [, opts]) -> list of resources, in input order
                    GetResource of every identifier, up to concurrency (default 16) at once; a failed read is an error value naming its identifier. opts: concurrency, role_arn, type_version_id.
                    """
            ) { args, context in
                let type = try context.string(args, 0, "get_all")
                let ids = try context.elements(args, 1, "get_all")
                let opts = try CallOptions(args, 2, function: "get_all", allowed: readOptions + ["concurrency"])
                let concurrency = try StandardLibrary.parallelConcurrency(
                    [opts.value("concurrency").map { .map(MapBox(["concurrency": $0])) } ?? .null], 0, "get_all", context)
                return .list(ListBox(try getAll(type, ids, opts, concurrency: concurrency, session, context, "get_all")))
            })
    }

    /// The resources of `ids` (strings or identifier maps), read `concurrency` at a time.
    static func getAll(
        _ type: String, _ ids: [Value], _ opts: CallOptions, concurrency: Int, _ session: CloudSession,
        _ context: CallContext, _ function: String
    ) throws -> [Value] {
        let identifiers = try ids.map { try identifier($0, type: type, session: session, function) }
        let outcomes = try ParallelRun.run(count: identifiers.count, concurrency: concurrency, context: context) {
            worker, index in
            .object(try read(type, identifiers[index], opts, session, worker, function))
        }
        return try StandardLibrary.failuresAsValues(outcomes, items: ids, function, context)
    }

    /// Resources of a listing, each read again with GetResource (ListResources leaves out
    /// properties for many types): summaries are taken in batches of four times the
    /// concurrency and read in parallel, so memory stays bounded however long the listing.
    final class DetailedListing: ValueIterator {
        private let summaries: ValueIterator
        private let type: String
        private let opts: CallOptions
        private let session: CloudSession
        private let context: CallContext
        private let concurrency: Int
        private var batch: [Value] = []
        private var position = 0

        init(
            _ summaries: ValueIterator, type: String, opts: CallOptions, session: CloudSession, context: CallContext,
            concurrency: Int
        ) {
            self.summaries = summaries
            self.type = type
            self.opts = opts
            self.session = session
            self.context = context
            self.concurrency = concurrency
        }

        func next() throws -> Value? {
            if position == batch.count {
                var ids: [Value] = []
                while ids.count < concurrency * 4, let summary = try summaries.next() {
                    guard let resource = CloudBuiltins.resource(summary) else { continue }
                    ids.append(.string(resource.identifier))
                }
                if ids.isEmpty { return nil }
                batch = try getAll(type, ids, opts, concurrency: concurrency, session, context, "list")
                position = 0
            }
            defer { position += 1 }
            return batch[position]
        }
    }
}
