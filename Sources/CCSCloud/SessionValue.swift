import CCSLanguage
import OrderedCollections

/// A Cloud Control session as `aws({...})` returns it: the Cloud Control built-ins as methods
/// bound to its account, region and credentials (`s.list(T)`, `s.get(T, id)`, `s.create`,
/// `s.patch`, `s.delete`, `s.wait`, `s.wait_all`, `s.cancel`, `s.status`, `s.requests`,
/// `s.schema`, `s.types`), and `s.region`, `s.account`, `s.identity` (`{Account, Arn,
/// UserId}`, from STS GetCallerIdentity, asked once). Resources and requests it returns
/// remember it, so the global `patch(r)` and `wait(req)` go back to it. Prints as
/// `{"Region": ...}`.
public final class SessionValue: HostObject {
    public let session: CloudSession
    private var methods: BuiltinRegistry?

    static let methodNames: Set<String> = [
        "list", "get", "create", "patch", "delete", "wait", "wait_all", "cancel", "status", "requests", "schema",
        "types", "diff", "apply_patch",
    ]

    public init(session: CloudSession) {
        self.session = session
    }

    public override var typeName: String { "session" }

    public override func field(_ name: String) throws -> Value? {
        switch name {
        case "region":
            return session.region.map(Value.string) ?? .null
        case "account":
            return .string(try session.identity("session.account").account)
        case "identity":
            let identity = try session.identity("session.identity")
            return .map(
                MapBox([
                    "Account": .string(identity.account), "Arn": .string(identity.arn),
                    "UserId": .string(identity.userId),
                ]))
        default:
            guard Self.methodNames.contains(name) else { return nil }
            let registry = methods ?? {
                let made = BuiltinRegistry()
                CloudBuiltins.register(into: made, session: session)
                methods = made
                return made
            }()
            return registry.lookup(name)
        }
    }

    public override func jsonValue() throws -> Value {
        .map(MapBox(["Region": session.region.map(Value.string) ?? .null]))
    }
}
