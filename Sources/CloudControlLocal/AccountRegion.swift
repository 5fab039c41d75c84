/// The (account, region) a resource or request belongs to. Cloud Control is a regional service
/// scoped to an account: the same identifier names different resources in two accounts or two
/// regions, and each sees only its own. The emulator stores every row under one of these; the
/// HTTP front end takes the account from the signing key and the region from the SigV4
/// credential scope.
public struct AccountRegion: Hashable, Sendable, CustomStringConvertible {
    public var account: String
    public var region: String

    public init(account: String, region: String) {
        self.account = account
        self.region = region
    }

    public var description: String { "\(account)/\(region)" }
}
