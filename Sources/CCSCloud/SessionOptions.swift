import CCSLanguage

/// What `aws({...})` asks for: where the new session acts and with which credentials. Unset
/// fields keep the settings of the process (its profile, region and endpoint).
public struct SessionOptions: Sendable, Equatable {
    public var region: String?
    public var profile: String?
    /// Assume this role (signed with the credentials of `profile`, or the process's).
    public var roleArn: String?
    public var externalId: String?
    /// The role session's name; the host picks one when nil.
    public var sessionName: String?
    /// The role session's lifetime in seconds (STS: 900 to 43200).
    public var duration: Int?
    public var endpointURL: String?

    public init(
        region: String? = nil, profile: String? = nil, roleArn: String? = nil, externalId: String? = nil,
        sessionName: String? = nil, duration: Int? = nil, endpointURL: String? = nil
    ) {
        self.region = region
        self.profile = profile
        self.roleArn = roleArn
        self.externalId = externalId
        self.sessionName = sessionName
        self.duration = duration
        self.endpointURL = endpointURL
    }

    static let names = ["region", "profile", "role_arn", "external_id", "session_name", "duration", "endpoint_url"]

    /// The options of `aws(opts)`; unknown keys and wrong types are errors naming them.
    init(_ args: [Value], _ index: Int) throws {
        let options = try CallOptions(args, index, function: "aws", allowed: Self.names)
        region = try options.string("region")
        profile = try options.string("profile")
        roleArn = try options.string("role_arn")
        externalId = try options.string("external_id")
        sessionName = try options.string("session_name")
        duration = try options.integer("duration")
        endpointURL = try options.string("endpoint_url")
        if roleArn == nil, externalId != nil || sessionName != nil || duration != nil {
            throw ScriptError(
                code: ErrorCode.valueError, message: "aws: external_id, session_name and duration need role_arn")
        }
        if let duration, duration <= 0 {
            throw ScriptError(code: ErrorCode.valueError, message: "aws: duration must be a positive number of seconds, got \(duration)")
        }
    }
}

/// Who a session's credentials belong to.
public struct SessionIdentity: Sendable, Equatable {
    public var account: String
    public var arn: String
    public var userId: String

    public init(account: String, arn: String, userId: String) {
        self.account = account
        self.arn = arn
        self.userId = userId
    }
}
