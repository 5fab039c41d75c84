import CloudControl
import CloudControlLocal
import Foundation
import JSONCore
import ResourceSchemas
import SigV4

// CloudFormation's DescribeType, answered on the Cloud Control port so that `ccs
// --endpoint-url` (and boto3's `cloudformation` client with the same endpoint) can fetch the
// schema of any type the emulator knows. awsQuery protocol (botocore `cloudformation/2010-05-15`):
// `POST /`, form-encoded `Action=DescribeType&Version=2010-05-15&Type=RESOURCE&TypeName=…`, no
// `X-Amz-Target`; answers `<DescribeTypeResponse>` XML, errors `<ErrorResponse>` with the
// model's status (TypeNotFoundException 404, CFNRegistryException 400).

extension CloudControlAPIHandler {
    /// A request in the awsQuery protocol: no `X-Amz-Target`, a form-encoded body.
    func isQueryRequest(_ request: ServerRequest) -> Bool {
        guard request.header(CloudControlWire.targetHeader) == nil,
            let contentType = request.header("Content-Type")
        else { return false }
        return contentType.lowercased().hasPrefix("application/x-www-form-urlencoded")
    }

    /// Verifies the signature, then runs the action: STS's (`sts` in the credential scope, or
    /// the unsigned AssumeRoleWithWebIdentity) or CloudFormation's DescribeType.
    func handleQuery(_ request: ServerRequest) -> HTTPResponse {
        let requestId = UUID().uuidString.lowercased()
        let form = FormEncoding.decode(request.body)
        let parameters = Dictionary((form ?? []).map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let action = parameters["Action"] ?? "(no Action)"
        let isSTS = Self.scopeService(request).map { $0 == STSWire.signingName } ?? Self.stsActions.contains(action)
        let namespace = isSTS ? STSWire.xmlNamespace : CloudFormationClient.xmlNamespace
        let reply: HTTPResponse
        do {
            guard request.method == "POST", request.path == "/" else {
                throw CloudFormationError(
                    code: "InvalidAction", message: "awsQuery requests are POST /, not \(request.method) \(request.path).",
                    httpStatus: 400)
            }
            // AssumeRoleWithWebIdentity is the one unsigned action: the token is the proof.
            let unsigned = isSTS && action == "AssumeRoleWithWebIdentity" && request.header("Authorization") == nil
            let caller = unsigned ? nil : try verifyQuery(request, service: isSTS ? stsVerifier : cloudFormationVerifier)
            guard form != nil else {
                throw CloudFormationError(
                    code: "MalformedQueryString", message: "The form-encoded body has a malformed % escape or is not UTF-8.",
                    httpStatus: 400)
            }
            if isSTS {
                reply = xmlResponse(
                    status: 200, xml: try sts(parameters, caller: caller, requestId: requestId), requestId: requestId)
            } else {
                reply = try describeType(parameters, requestId: requestId)
            }
        } catch let error as CloudFormationError {
            reply = queryError(error, namespace: namespace, requestId: requestId)
        } catch {
            reply = queryError(
                CloudFormationError(code: "InternalFailure", message: "Internal error of the emulator: \(error)", httpStatus: 500),
                namespace: namespace, requestId: requestId)
        }
        log?("\(action) \(reply.status) \(requestId)")
        return reply
    }

    /// The signature and the principal behind it, or the awsQuery error AWS answers.
    private func verifyQuery(_ request: ServerRequest, service verifier: SigV4Verifier) throws(CloudFormationError)
        -> ServerIdentities.Principal
    {
        let verified: VerifiedIdentity
        do {
            verified = try verifier.verify(
                SigV4Request(
                    method: request.method, path: request.path, query: request.query,
                    headers: request.headers, body: request.body),
                now: now())
        } catch {
            throw CloudFormationError(
                code: Self.queryErrorCode(error.kind), message: error.message, httpStatus: error.httpStatus)
        }
        do {
            return try identities.principal(
                accessKeyId: verified.accessKeyId, sessionToken: verified.sessionToken, now: now())
        } catch {
            // The query protocols drop the JSON protocols' `Exception` suffix.
            let code = error.code == "ExpiredTokenException" ? "ExpiredToken" : "InvalidClientTokenId"
            throw CloudFormationError(code: code, message: error.message, httpStatus: 403)
        }
    }

    /// The service named by the `Authorization` header's credential scope
    /// (`Credential=AKID/DATE/REGION/SERVICE/aws4_request`), read before verifying so that the
    /// right verifier checks it.
    static func scopeService(_ request: ServerRequest) -> String? {
        guard let header = request.header("Authorization"),
            let range = header.range(of: "Credential=")
        else { return nil }
        let credential = header[range.upperBound...].prefix { $0 != "," && $0 != " " }
        let parts = credential.split(separator: "/")
        return parts.count == 5 ? String(parts[3]) : nil
    }

    /// `Action=DescribeType` with `Type=RESOURCE` and `TypeName` (or an `Arn` of the form
    /// `arn:…:type/resource/AWS-S3-Bucket`).
    private func describeType(_ parameters: [String: String], requestId: String) throws -> HTTPResponse {
        guard let action = parameters["Action"] else {
            throw CloudFormationError(code: "MissingAction", message: "The request has no Action parameter.", httpStatus: 400)
        }
        guard action == "DescribeType" else {
            throw CloudFormationError(
                code: "InvalidAction",
                message: "The action \(action) is not valid for this web service: the emulator answers only DescribeType.",
                httpStatus: 400)
        }
        if let version = parameters["Version"], version != CloudFormationClient.apiVersion {
            throw CloudFormationError(
                code: "InvalidParameterValue",
                message: "Version \(version) is not supported; expected \(CloudFormationClient.apiVersion).", httpStatus: 400)
        }
        var typeName = parameters["TypeName"]
        if typeName == nil, let arn = parameters["Arn"], let range = arn.range(of: ":type/resource/") {
            typeName = arn[range.upperBound...].replacingOccurrences(of: "-", with: "::")
        }
        guard let typeName else {
            throw CloudFormationError(
                code: "CFNRegistryException", message: "You must specify either Arn, or TypeName and Type.", httpStatus: 400)
        }
        if let type = parameters["Type"], type != "RESOURCE" {
            throw CloudFormationError(
                code: "TypeNotFoundException", message: "The type '\(typeName)' of kind \(type) cannot be found.",
                httpStatus: 404)
        }
        let schema: ResourceSchema?
        do {
            schema = try schemas?.schema(for: typeName)
        } catch {
            throw CloudFormationError(
                code: "CFNRegistryException", message: "The schema of \(typeName) is unreadable: \(error)", httpStatus: 400)
        }
        guard let schema else {
            throw CloudFormationError(
                code: "TypeNotFoundException", message: "The type '\(typeName)' cannot be found.", httpStatus: 404)
        }
        let output = DescribeTypeOutput(
            arn: "arn:aws:cloudformation:\(region)::type/resource/\(typeName.replacingOccurrences(of: "::", with: "-"))",
            type: "RESOURCE", typeName: typeName, isDefaultVersion: true,
            description: schema.document["description"]?.stringValue,
            schema: JSONWriter().string(schema.document), provisioningType: Self.provisioningType(of: schema),
            deprecatedStatus: "LIVE", visibility: "PUBLIC")
        var xml = "<DescribeTypeResponse xmlns=\"\(CloudFormationClient.xmlNamespace)\">\n  <DescribeTypeResult>\n"
        for member in output.members {
            xml += "    <\(member.name)>\(Self.escapeXML(member.value))</\(member.name)>\n"
        }
        xml += "  </DescribeTypeResult>\n  <ResponseMetadata>\n    <RequestId>\(requestId)</RequestId>\n"
        xml += "  </ResponseMetadata>\n</DescribeTypeResponse>\n"
        return xmlResponse(status: 200, xml: xml, requestId: requestId)
    }

    /// DescribeType's ProvisioningType, from the schema's handlers as the CloudFormation API
    /// reference defines it: NON_PROVISIONABLE without all of create, read and delete (the 10
    /// types CloudFormation provisions itself, such as AWS::Route53::RecordSet, publish no
    /// handlers), IMMUTABLE without update (AWS::EC2::KeyPair), else FULLY_MUTABLE. A schema
    /// without a `handlers` section (a hand-written one) supports every operation.
    static func provisioningType(of schema: ResourceSchema) -> String {
        guard ["create", "read", "delete"].allSatisfy(schema.supports) else { return "NON_PROVISIONABLE" }
        return schema.supports("update") ? "FULLY_MUTABLE" : "IMMUTABLE"
    }

    /// awsQuery services name signature failures without the `Exception` suffix of the JSON
    /// protocols, and call a wrong or expired signature `SignatureDoesNotMatch` and an unknown
    /// key `InvalidClientTokenId` (as CloudFormation, STS and SQS's query API answer).
    static func queryErrorCode(_ kind: SigV4VerificationError.Kind) -> String {
        switch kind {
        case .missingAuthenticationToken: return "MissingAuthenticationToken"
        case .incompleteSignature: return "IncompleteSignature"
        case .unrecognizedClient: return "InvalidClientTokenId"
        case .invalidSignature, .signatureExpired, .credentialScopeMismatch: return "SignatureDoesNotMatch"
        }
    }

    /// The region in generated ARNs: the engine's.
    private var region: String {
        (service as? LocalCloudControl)?.configuration.region ?? "us-east-1"
    }

    private func queryError(_ error: CloudFormationError, namespace: String, requestId: String) -> HTTPResponse {
        let type = error.httpStatus >= 500 ? "Receiver" : "Sender"
        let xml = """
            <ErrorResponse xmlns="\(namespace)">
              <Error>
                <Type>\(type)</Type>
                <Code>\(Self.escapeXML(error.code))</Code>
                <Message>\(Self.escapeXML(error.message))</Message>
              </Error>
              <RequestId>\(requestId)</RequestId>
            </ErrorResponse>

            """
        return xmlResponse(status: error.httpStatus, xml: xml, requestId: requestId)
    }

    func xmlResponse(status: Int, xml: String, requestId: String) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: [
                ("x-amzn-RequestId", requestId), ("Content-Type", "text/xml"),
                ("Date", HTTPDate.format(epochSeconds: Int(now().timeIntervalSince1970))),
            ],
            body: Array(xml.utf8))
    }

    /// XML 1.0 §2.4: `&` and `<` must be escaped in character data; `>` and quotes are too,
    /// for safety in any context.
    static func escapeXML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
