import CCSLanguage
import CloudControl

extension CloudBuiltins {
    static let writeOptions = ["client_token", "role_arn", "type_version_id"]
    static let readOptions = ["role_arn", "type_version_id"]

    static func registerResources(into registry: BuiltinRegistry, session: CloudSession) {
        registry.register(
            Builtin(
                "create", minArity: 2, maxArity: 3,
                doc: """
                    create(type, desired [, opts]) -> request
                    Creates a resource from a map, a JSON string or a JSON file path; opts: client_token, role_arn, type_version_id.
                    """
            ) { args, context in
                let type = try context.string(args, 0, "create")
                let opts = try CallOptions(args, 2, function: "create", allowed: writeOptions)
                let desired = try desiredState(args[1], "create")
                let input = CreateResourceInput(
                    typeName: type, typeVersionId: try opts.string("type_version_id"),
                    roleArn: try opts.string("role_arn"),
                    clientToken: try opts.string("client_token")
                        ?? session.clientTokens.token(["create", type, desired]),
                    desiredState: desired)
                let output = try session.call("create", type: type) { try $0.createResource(input) }
                let first = try event(output.progressEvent, "create")
                // A request can be over at once (a ClientToken replay of a finished one).
                session.freshCreates.observe(first, at: session.now())
                let request = RequestValue(event: first, resubmission: .create(input), origin: session)
                session.inFlight.track(request)
                return .object(request)
            })

        registry.register(
            Builtin(
                "get", minArity: 2, maxArity: 3,
                doc: """
                    get(type, identifier [, opts]) -> resource
                    Reads a resource; a compound identifier is "a|b" or a map of its key properties. opts: role_arn, type_version_id.
                    """
            ) { args, context in
                let type = try context.string(args, 0, "get")
                let opts = try CallOptions(args, 2, function: "get", allowed: readOptions)
                let id = try identifier(args[1], type: type, session: session, "get")
                return .object(try read(type, id, opts, session, context, "get"))
            })

        registry.register(
            Builtin(
                "refresh", minArity: 1, maxArity: 2,
                doc: """
                    refresh(resource [, opts]) -> resource
                    Reads the resource again and replaces its properties in place (every name bound to it sees them); returns it. opts: role_arn, type_version_id.
                    """
            ) { args, context in
                guard let resource = resource(args[0]) else {
                    throw ScriptError(
                        code: ErrorCode.typeError,
                        message: "bad argument #1 to 'refresh' (resource expected, got \(args[0].typeName))")
                }
                let opts = try CallOptions(args, 1, function: "refresh", allowed: readOptions)
                resource.replaceProperties(
                    with: try read(
                        resource.resourceType, resource.identifier, opts, session, context, "refresh"))
                return args[0]
            })

        registry.register(
            Builtin(
                "list", minArity: 1, maxArity: 2,
                doc: """
                    list(type [, opts]) -> lazy sequence of resources
                    Pages are fetched as iteration reaches them. opts: model, page_size, max_items, starting_token, role_arn, type_version_id; details: true reads each resource with GetResource, concurrency (default 16) at once.
                    """
            ) { args, context in
                let type = try context.string(args, 0, "list")
                let opts = try CallOptions(args, 1, function: "list", allowed: ResourcePager.options)
                let pager = try ResourcePager.Settings(type: type, options: opts)
                let details: Bool
                switch opts.value("details") {
                case nil, .null?: details = false
                case .bool(let flag)?: details = flag
                case let other?:
                    throw ScriptError(
                        code: ErrorCode.typeError, message: "list: option 'details' must be a boolean, got \(other.typeName)")
                }
                let concurrency = try StandardLibrary.parallelConcurrency(
                    [opts.value("concurrency").map { .map(MapBox(["concurrency": $0])) } ?? .null], 0, "list", context)
                return .sequence(
                    SequenceBox(name: "list(\(type))") {
                        let summaries = ResourcePager.iterator(pager, session: session, context: context)
                        guard details else { return summaries }
                        return DetailedListing(
                            summaries, type: type, opts: opts, session: session, context: context,
                            concurrency: concurrency)
                    })
            })

        registry.register(
            Builtin(
                "delete", minArity: 1, maxArity: 3,
                doc: """
                    delete(resource) or delete(type, identifier [, opts]) -> request
                    Deletes a resource; opts: client_token, role_arn, type_version_id.
                    """
            ) { args, context in
                let type: String
                let id: String
                let opts: CallOptions
                // A resource value is deleted where it was read.
                let session = resource(args[0])?.origin ?? session
                if let resource = resource(args[0]) {
                    guard args.count == 1 else {
                        throw ScriptError(
                            code: ErrorCode.arityError,
                            message:
                                "delete(resource) takes no other argument; use delete(type, identifier, opts) for options"
                        )
                    }
                    (type, id) = (resource.resourceType, resource.identifier)
                    opts = try CallOptions(args, 1, function: "delete", allowed: writeOptions)
                } else {
                    type = try context.string(args, 0, "delete")
                    guard args.count >= 2 else {
                        throw ScriptError(
                            code: ErrorCode.arityError,
                            message: "delete expects a resource, or a type and an identifier")
                    }
                    id = try identifier(args[1], type: type, session: session, "delete")
                    opts = try CallOptions(args, 2, function: "delete", allowed: writeOptions)
                }
                let input = DeleteResourceInput(
                    typeName: type, typeVersionId: try opts.string("type_version_id"),
                    roleArn: try opts.string("role_arn"),
                    clientToken: try opts.string("client_token")
                        ?? session.clientTokens.token(["delete", type, id]),
                    identifier: id)
                let output = try session.call("delete", type: type) { try $0.deleteResource(input) }
                let first = try event(output.progressEvent, "delete")
                // A request can be over at once (a ClientToken replay of a finished one).
                session.freshCreates.observe(first, at: session.now())
                let request = RequestValue(event: first, resubmission: .delete(input), origin: session)
                session.inFlight.track(request)
                return .object(request)
            })
    }

    /// GetResource as a resource value. A ResourceNotFoundException for a resource this
    /// session saw created moments ago is Cloud Control's eventual consistency, not the truth:
    /// the read is retried with backoff for up to `FreshCreates.budget` seconds. Any other
    /// NotFound fails at once.
    static func read(
        _ type: String, _ id: String, _ opts: CallOptions, _ session: CloudSession, _ context: CallContext,
        _ function: String
    ) throws -> ResourceValue {
        let input = GetResourceInput(
            typeName: type, typeVersionId: try opts.string("type_version_id"),
            roleArn: try opts.string("role_arn"), identifier: id)
        var attempt = 0
        var waited = 0.0
        let output: GetResourceOutput
        while true {
            do {
                output = try session.call(function, type: type) { try $0.getResource(input) }
                break
            } catch var error as ScriptError
                where error.code == "ResourceNotFoundException"
                && session.freshCreates.isFresh(type, id, at: session.now())
            {
                guard let delay = FreshCreates.retryDelay(attempt: attempt, waited: waited) else {
                    error.message +=
                        " (still not found after retrying for \(waited) s, though this session saw it created moments ago)"
                    throw error
                }
                try session.pause(delay, context)
                waited += delay
                attempt += 1
            }
        }
        // An answer without the resource (a 200 with `{}` or an empty body) is not an empty
        // resource: say what the service left out.
        guard let description = output.resourceDescription, let properties = description.properties else {
            throw CloudErrors.local(
                CloudErrors.malformedResponse,
                "\(function): the service's answer for \(type) '\(id)' has no \(output.resourceDescription == nil ? "ResourceDescription" : "ResourceDescription.Properties")")
        }
        return ResourceValue(
            type: output.typeName ?? type, identifier: description.identifier ?? id, propertiesText: properties,
            origin: session)
    }
}
