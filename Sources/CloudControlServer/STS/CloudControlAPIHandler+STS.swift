import CloudControl
import Foundation

// AWS STS on the emulator's port, awsQuery like DescribeType (botocore `sts/2011-06-15`):
// AssumeRole and AssumeRoleWithWebIdentity return temporary credentials of the role's account
// that the emulator then accepts (with their session token); GetCallerIdentity names the
// principal behind the signing key. The emulator has no IAM: any role ARN of the form
// `arn:aws:iam::ACCOUNT:role/[PATH/]NAME` may be assumed, by any caller, and any web identity
// token is trusted. What it does check is what AWS checks on the request itself: the
// parameters' presence, lengths and patterns, and DurationSeconds (900 to 43200, at most 3600
// for a role session assuming a role).

extension CloudControlAPIHandler {
    static let stsActions: Set<String> = ["AssumeRole", "AssumeRoleWithWebIdentity", "GetCallerIdentity"]

    /// The XML document answering one STS action. `caller` is nil only for the unsigned
    /// AssumeRoleWithWebIdentity.
    func sts(_ parameters: [String: String], caller: ServerIdentities.Principal?, requestId: String)
        throws(CloudFormationError) -> String
    {
        guard let action = parameters["Action"] else {
            throw CloudFormationError(code: "MissingAction", message: "The request has no Action parameter.", httpStatus: 400)
        }
        if let version = parameters["Version"], version != STSWire.apiVersion {
            throw CloudFormationError(
                code: "InvalidParameterValue", message: "Version \(version) is not supported; expected \(STSWire.apiVersion).",
                httpStatus: 400)
        }
        switch action {
        case "GetCallerIdentity":
            guard let caller else { throw Self.stsMissingAuthentication() }
            return Self.stsDocument(
                action,
                """
                    <Arn>\(Self.escapeXML(caller.arn))</Arn>
                    <UserId>\(Self.escapeXML(caller.userId))</UserId>
                    <Account>\(caller.account)</Account>

                """, requestId: requestId)
        case "AssumeRole":
            guard let caller else { throw Self.stsMissingAuthentication() }
            if let externalId = parameters["ExternalId"] {
                try Self.checkLength("externalId", externalId, 2...1224)
            }
            return try assumeRole(action, parameters, chained: caller.isRoleSession, requestId: requestId)
        case "AssumeRoleWithWebIdentity":
            guard let token = parameters["WebIdentityToken"] else {
                throw Self.stsValidation("1 validation error detected: Value null at 'webIdentityToken' failed to satisfy constraint: Member must not be null")
            }
            try Self.checkLength("webIdentityToken", token, 4...20000)
            return try assumeRole(action, parameters, chained: false, requestId: requestId)
        default:
            throw CloudFormationError(
                code: "InvalidAction",
                message: "Could not find operation \(action) for version \(STSWire.apiVersion): the emulator's STS answers AssumeRole, AssumeRoleWithWebIdentity and GetCallerIdentity.",
                httpStatus: 400)
        }
    }

    private func assumeRole(_ action: String, _ parameters: [String: String], chained: Bool, requestId: String)
        throws(CloudFormationError) -> String
    {
        guard let roleArn = parameters["RoleArn"] else {
            throw Self.stsValidation("1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null")
        }
        guard let sessionName = parameters["RoleSessionName"] else {
            throw Self.stsValidation("1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null")
        }
        try Self.checkLength("roleSessionName", sessionName, 2...64)
        guard sessionName.unicodeScalars.allSatisfy(Self.isSessionNameCharacter) else {
            throw Self.stsValidation(
                "1 validation error detected: Value '\(sessionName)' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*")
        }
        guard let role = STSWire.roleArnParts(roleArn) else {
            throw Self.stsValidation("\(roleArn) is invalid: expected arn:aws:iam::ACCOUNT:role/NAME (a 12-digit account id).")
        }
        var duration = STSWire.defaultDuration
        if let text = parameters["DurationSeconds"] {
            guard let value = Int(text), (STSWire.minimumDuration...STSWire.maximumDuration).contains(value) else {
                throw Self.stsValidation(
                    "1 validation error detected: Value '\(text)' at 'durationSeconds' failed to satisfy constraint: Member must have value between \(STSWire.minimumDuration) and \(STSWire.maximumDuration)")
            }
            duration = value
        }
        if chained && duration > STSWire.chainedMaximumDuration {
            throw Self.stsValidation(
                "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.")
        }
        let issued = identities.issue(
            account: role.account, roleName: role.name, sessionName: sessionName, duration: duration, now: now())
        var body = """
                <Credentials>
                  <AccessKeyId>\(issued.accessKeyId)</AccessKeyId>
                  <SecretAccessKey>\(Self.escapeXML(issued.secretAccessKey))</SecretAccessKey>
                  <SessionToken>\(Self.escapeXML(issued.sessionToken))</SessionToken>
                  <Expiration>\(Self.iso8601(issued.expiration))</Expiration>
                </Credentials>
                <AssumedRoleUser>
                  <AssumedRoleId>\(Self.escapeXML(issued.principal.userId))</AssumedRoleId>
                  <Arn>\(Self.escapeXML(issued.principal.arn))</Arn>
                </AssumedRoleUser>

            """
        if action == "AssumeRoleWithWebIdentity" {
            body += "    <SubjectFromWebIdentityToken>ccs-emulator</SubjectFromWebIdentityToken>\n"
        }
        return Self.stsDocument(action, body, requestId: requestId)
    }

    private static func isSessionNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "_+=,.@-".unicodeScalars.contains(scalar))
    }

    private static func checkLength(_ member: String, _ value: String, _ range: ClosedRange<Int>)
        throws(CloudFormationError)
    {
        guard range.contains(value.count) else {
            throw stsValidation(
                "1 validation error detected: Value at '\(member)' failed to satisfy constraint: Member must have length between \(range.lowerBound) and \(range.upperBound)")
        }
    }

    private static func stsValidation(_ message: String) -> CloudFormationError {
        CloudFormationError(code: "ValidationError", message: message, httpStatus: 400)
    }

    private static func stsMissingAuthentication() -> CloudFormationError {
        CloudFormationError(code: "MissingAuthenticationToken", message: "Request is missing Authentication Token", httpStatus: 403)
    }

    private static func stsDocument(_ action: String, _ result: String, requestId: String) -> String {
        """
        <\(action)Response xmlns="\(STSWire.xmlNamespace)">
          <\(action)Result>
        \(result)  </\(action)Result>
          <ResponseMetadata>
            <RequestId>\(requestId)</RequestId>
          </ResponseMetadata>
        </\(action)Response>

        """
    }

    /// STS's timestamps: ISO 8601 in UTC with seconds, e.g. `2026-12-03T15:04:05Z`.
    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
