import CCSLanguage
import CloudControl
import JSONCore

extension CloudBuiltins {
    static func registerPatching(into registry: BuiltinRegistry, session: CloudSession) {
        registry.register(
            Builtin(
                "patch", minArity: 2, maxArity: 4,
                doc: """
                    patch(resource, changes [, opts]) or patch(type, identifier, changes [, opts]) -> request (null if nothing changes)
                    changes: a list of RFC 6902 operations (sent as given) or a map of desired property values (diffed against the current properties; null removes).
                    """
            ) { args, context in
                let type: String
                let id: String
                let changes: Value
                let opts: CallOptions
                // A resource value is patched where it was read.
                let session = resource(args[0])?.origin ?? session
                if let resource = resource(args[0]) {
                    guard args.count <= 3 else {
                        throw ScriptError(
                            code: ErrorCode.arityError,
                            message:
                                "patch(resource, changes [, opts]) expects 2 or 3 arguments, got \(args.count)"
                        )
                    }
                    (type, id, changes) = (resource.resourceType, resource.identifier, args[1])
                    opts = try CallOptions(args, 2, function: "patch", allowed: writeOptions)
                } else {
                    type = try context.string(args, 0, "patch")
                    guard args.count >= 3 else {
                        throw ScriptError(
                            code: ErrorCode.arityError,
                            message:
                                "patch(type, identifier, changes [, opts]) expects 3 or 4 arguments, got \(args.count)"
                        )
                    }
                    id = try identifier(args[1], type: type, session: session, "patch")
                    changes = args[2]
                    opts = try CallOptions(args, 3, function: "patch", allowed: writeOptions)
                }
                let operations: [JSONPatchOperation]
                switch changes {
                case .list:
                    operations = try patchOperations(changes, "patch")
                case .map(let desired):
                    let current = try read(type, id, opts, session, context, "patch")
                    let currentJSON = try JSONBridge.json(
                        try current.properties(), "patch: current properties")
                    var target = currentJSON.objectValue ?? [:]
                    for (key, value) in desired.entries {
                        if value.isNull {
                            target[key] = nil
                        } else {
                            target[key] = try JSONBridge.json(value, "patch: changes")
                        }
                    }
                    operations = try PatchBuilder.diff(
                        currentJSON, .object(target), schema: session.optionalSchema(type))
                    if operations.isEmpty { return .null }
                default:
                    throw ScriptError(
                        code: ErrorCode.typeError,
                        message:
                            "patch: changes must be a list of patch operations or a map of property values, got \(changes.typeName)"
                    )
                }
                let document = JSONWriter().string(JSONPatch(operations: operations).json)
                let input = UpdateResourceInput(
                    typeName: type, typeVersionId: try opts.string("type_version_id"),
                    roleArn: try opts.string("role_arn"),
                    clientToken: try opts.string("client_token")
                        ?? session.clientTokens.token(["update", type, id, document]),
                    identifier: id, patchDocument: document)
                let output = try session.call("patch", type: type) { try $0.updateResource(input) }
                let request = RequestValue(
                    event: try event(output.progressEvent, "patch"), resubmission: .update(input), origin: session)
                request.refreshesOnSuccess = resource(args[0])
                session.inFlight.track(request)
                return .object(request)
            })

        registry.register(
            Builtin(
                "diff", arity: 2,
                doc: """
                    diff(old, new) -> list of RFC 6902 operations
                    The patch turning old into new: apply_patch(old, diff(old, new)) == new.
                    """
            ) { args, _ in
                let old = try JSONBridge.json(args[0], "diff: argument #1")
                let new = try JSONBridge.json(args[1], "diff: argument #2")
                return JSONBridge.value(JSONPatch(operations: try PatchBuilder.diff(old, new)).json)
            })

        registry.register(
            Builtin(
                "apply_patch", arity: 2,
                doc: """
                    apply_patch(doc, ops) -> new document
                    Applies a list of RFC 6902 operations to a copy of doc; raises PatchError naming the failing operation.
                    """
            ) { args, _ in
                let document = try JSONBridge.json(args[0], "apply_patch: argument #1")
                let patch = JSONPatch(operations: try patchOperations(args[1], "apply_patch"))
                do {
                    return JSONBridge.value(try patch.apply(to: document))
                } catch {
                    throw CloudErrors.local(CloudErrors.patchError, "apply_patch: \(error)")
                }
            })
    }

    /// A list of operation maps as JSON Patch operations (RFC 6902 §4), checked.
    static func patchOperations(_ value: Value, _ function: String) throws -> [JSONPatchOperation] {
        guard case .list = value else {
            throw ScriptError(
                code: ErrorCode.typeError,
                message: "\(function): patch operations must be a list, got \(value.typeName)")
        }
        do {
            return try JSONPatch(json: try JSONBridge.json(value, "\(function): operations")).operations
        } catch let error as ScriptError {
            throw error
        } catch {
            throw CloudErrors.local(CloudErrors.patchError, "\(function): \(error)")
        }
    }
}
