import Testing

@testable import CloudControl

/// One case per constraint of the model: the input, and the parameter and rule it breaks.
struct ValidationCase: Sendable, CustomStringConvertible {
    let name: String
    let request: APIRequest
    let parameter: String
    let rule: ParameterValidationError.Rule

    var description: String { name }
}

struct ValidationTests {
    static let type = "AWS::Logs::LogGroup"
    static let role = "arn:aws:iam::123456789012:role/deployer"

    static let failing: [ValidationCase] = [
        ValidationCase(
            name: "TypeName too short",
            request: .getResource(GetResourceInput(typeName: "A::B::C", identifier: "x")),
            parameter: "TypeName", rule: .minLength(min: 10, actual: 7)),
        ValidationCase(
            name: "TypeName too long",
            request: .getResource(
                GetResourceInput(typeName: String(repeating: "A", count: 197), identifier: "x")),
            parameter: "TypeName", rule: .maxLength(max: 196, actual: 197)),
        ValidationCase(
            name: "TypeName pattern",
            request: .getResource(GetResourceInput(typeName: "AWS::Logs-LogGroup", identifier: "x")),
            parameter: "TypeName",
            rule: .pattern(pattern: ParameterPattern.typeName.source, value: "AWS::Logs-LogGroup")),
        ValidationCase(
            name: "TypeName segment of one character",
            request: .getResource(GetResourceInput(typeName: "AWS::L::LogGroup", identifier: "x")),
            parameter: "TypeName",
            rule: .pattern(pattern: ParameterPattern.typeName.source, value: "AWS::L::LogGroup")),
        ValidationCase(
            name: "TypeName with four segments",
            request: .getResource(GetResourceInput(typeName: "AWS::Logs::Log::Group", identifier: "x")),
            parameter: "TypeName",
            rule: .pattern(pattern: ParameterPattern.typeName.source, value: "AWS::Logs::Log::Group")),
        ValidationCase(
            name: "TypeVersionId empty",
            request: .getResource(GetResourceInput(typeName: type, typeVersionId: "", identifier: "x")),
            parameter: "TypeVersionId", rule: .minLength(min: 1, actual: 0)),
        ValidationCase(
            name: "TypeVersionId pattern",
            request: .getResource(GetResourceInput(typeName: type, typeVersionId: "v_1", identifier: "x")),
            parameter: "TypeVersionId", rule: .pattern(pattern: "[A-Za-z0-9-]+", value: "v_1")),
        ValidationCase(
            name: "RoleArn too short",
            request: .getResource(
                GetResourceInput(typeName: type, roleArn: "arn:aws:iam::1", identifier: "x")),
            parameter: "RoleArn", rule: .minLength(min: 20, actual: 14)),
        ValidationCase(
            name: "RoleArn account of 11 digits",
            request: .getResource(
                GetResourceInput(typeName: type, roleArn: "arn:aws:iam::12345678901:role/r", identifier: "x")),
            parameter: "RoleArn",
            rule: .pattern(pattern: "arn:.+:iam::[0-9]{12}:role/.+", value: "arn:aws:iam::12345678901:role/r")
        ),
        ValidationCase(
            name: "RoleArn of a user",
            request: .getResource(
                GetResourceInput(typeName: type, roleArn: "arn:aws:iam::123456789012:user/u", identifier: "x")
            ),
            parameter: "RoleArn",
            rule: .pattern(
                pattern: "arn:.+:iam::[0-9]{12}:role/.+", value: "arn:aws:iam::123456789012:user/u")),
        ValidationCase(
            name: "Identifier empty", request: .getResource(GetResourceInput(typeName: type, identifier: "")),
            parameter: "Identifier", rule: .minLength(min: 1, actual: 0)),
        ValidationCase(
            name: "Identifier too long",
            request: .deleteResource(
                DeleteResourceInput(typeName: type, identifier: String(repeating: "i", count: 1025))),
            parameter: "Identifier", rule: .maxLength(max: 1024, actual: 1025)),
        ValidationCase(
            name: "ClientToken pattern",
            request: .deleteResource(
                DeleteResourceInput(typeName: type, clientToken: "a b", identifier: "x")),
            parameter: "ClientToken", rule: .pattern(pattern: "[-A-Za-z0-9+/=]+", value: "a b")),
        ValidationCase(
            name: "ClientToken too long",
            request: .createResource(
                CreateResourceInput(
                    typeName: type, clientToken: String(repeating: "c", count: 129), desiredState: "{}")),
            parameter: "ClientToken", rule: .maxLength(max: 128, actual: 129)),
        ValidationCase(
            name: "DesiredState empty",
            request: .createResource(CreateResourceInput(typeName: type, desiredState: "")),
            parameter: "DesiredState", rule: .minLength(min: 1, actual: 0)),
        ValidationCase(
            name: "DesiredState too long",
            request: .createResource(
                CreateResourceInput(typeName: type, desiredState: String(repeating: " ", count: 262_145))),
            parameter: "DesiredState", rule: .maxLength(max: 262_144, actual: 262_145)),
        ValidationCase(
            name: "PatchDocument empty",
            request: .updateResource(UpdateResourceInput(typeName: type, identifier: "x", patchDocument: "")),
            parameter: "PatchDocument", rule: .minLength(min: 1, actual: 0)),
        ValidationCase(
            name: "PatchDocument too long",
            request: .updateResource(
                UpdateResourceInput(
                    typeName: type, identifier: "x", patchDocument: String(repeating: "[", count: 262_145))),
            parameter: "PatchDocument", rule: .maxLength(max: 262_144, actual: 262_145)),
        ValidationCase(
            name: "MaxResults zero",
            request: .listResources(ListResourcesInput(typeName: type, maxResults: 0)),
            parameter: "MaxResults", rule: .range(min: 1, max: 100, actual: 0)),
        ValidationCase(
            name: "MaxResults 101",
            request: .listResourceRequests(ListResourceRequestsInput(maxResults: 101)),
            parameter: "MaxResults", rule: .range(min: 1, max: 100, actual: 101)),
        ValidationCase(
            name: "ListResources NextToken too long",
            request: .listResources(
                ListResourcesInput(typeName: type, nextToken: String(repeating: "n", count: 4097))),
            parameter: "NextToken", rule: .maxLength(max: 4096, actual: 4097)),
        ValidationCase(
            name: "ListResources ResourceModel empty",
            request: .listResources(ListResourcesInput(typeName: type, resourceModel: "")),
            parameter: "ResourceModel", rule: .minLength(min: 1, actual: 0)),
        ValidationCase(
            name: "ListResourceRequests NextToken pattern",
            request: .listResourceRequests(ListResourceRequestsInput(nextToken: "not a token")),
            parameter: "NextToken", rule: .pattern(pattern: "[-A-Za-z0-9+/=]+", value: "not a token")),
        ValidationCase(
            name: "RequestToken empty",
            request: .getResourceRequestStatus(GetResourceRequestStatusInput(requestToken: "")),
            parameter: "RequestToken", rule: .minLength(min: 1, actual: 0)),
        ValidationCase(
            name: "RequestToken pattern",
            request: .cancelResourceRequest(CancelResourceRequestInput(requestToken: "tok?")),
            parameter: "RequestToken", rule: .pattern(pattern: "[-A-Za-z0-9+/=]+", value: "tok?")),
        ValidationCase(
            name: "Filter operation",
            request: .listResourceRequests(
                ListResourceRequestsInput(
                    resourceRequestStatusFilter: ResourceRequestStatusFilter(operations: [.create, "IMPORT"]))
            ),
            parameter: "ResourceRequestStatusFilter.Operations[1]",
            rule: .enumMember(value: "IMPORT", allowed: ["CREATE", "DELETE", "UPDATE"])),
        ValidationCase(
            name: "Filter status",
            request: .listResourceRequests(
                ListResourceRequestsInput(
                    resourceRequestStatusFilter: ResourceRequestStatusFilter(operationStatuses: ["DONE"]))),
            parameter: "ResourceRequestStatusFilter.OperationStatuses[0]",
            rule: .enumMember(
                value: "DONE",
                allowed: [
                    "PENDING", "IN_PROGRESS", "SUCCESS", "FAILED", "CANCEL_IN_PROGRESS", "CANCEL_COMPLETE",
                ])),
    ]

    @Test(arguments: failing)
    func ruleIsEnforced(_ testCase: ValidationCase) {
        let error = #expect(throws: ParameterValidationError.self) { try testCase.request.validate() }
        #expect(error?.parameter == testCase.parameter)
        #expect(error?.rule == testCase.rule)
        #expect(error?.operation == testCase.request.operation)
    }

    static let passing: [APIRequest] = [
        .createResource(
            CreateResourceInput(
                typeName: type, typeVersionId: "00000001", roleArn: role, clientToken: "Zm9v+/=-1",
                desiredState: #"{"LogGroupName":"g"}"#)),
        .createResource(
            CreateResourceInput(
                typeName: "AB::CD::EF01", desiredState: String(repeating: " ", count: 262_144))),
        .getResource(
            GetResourceInput(typeName: String(repeating: "a", count: 64) + "::bb::cc", identifier: "x|y")),
        .getResource(
            GetResourceInput(
                typeName: type, roleArn: "arn:aws-cn:iam::123456789012:role/path/r", identifier: "é")),
        .updateResource(UpdateResourceInput(typeName: type, identifier: "x", patchDocument: "[]")),
        .deleteResource(
            DeleteResourceInput(
                typeName: type, clientToken: String(repeating: "c", count: 128), identifier: "x")),
        .listResources(ListResourcesInput(typeName: type, nextToken: "any text at all", maxResults: 1)),
        .listResources(
            ListResourcesInput(typeName: type, maxResults: 100, resourceModel: #"{"ClusterName":"c"}"#)),
        .getResourceRequestStatus(GetResourceRequestStatusInput(requestToken: "0b5f-4e3c=")),
        .listResourceRequests(ListResourceRequestsInput()),
        .listResourceRequests(
            ListResourceRequestsInput(
                resourceRequestStatusFilter: ResourceRequestStatusFilter(
                    operations: [.create, .update, .delete], operationStatuses: OperationStatus.knownValues))),
        .cancelResourceRequest(CancelResourceRequestInput(requestToken: "t")),
    ]

    @Test(arguments: passing)
    func validInputPasses(_ request: APIRequest) throws {
        try request.validate()
    }

    @Test func messagesNameParameterAndRule() {
        let short = ParameterValidationError(
            operation: .createResource, parameter: "TypeName", rule: .minLength(min: 10, actual: 1))
        #expect(
            short.description
                == "Parameter validation failed for CreateResource: invalid length for parameter TypeName: length 1, must be at least 10"
        )
        let pattern = ParameterValidationError(
            operation: .getResource, parameter: "RoleArn",
            rule: .pattern(pattern: "arn:.+:iam::[0-9]{12}:role/.+", value: "x"))
        #expect(
            pattern.description.contains(
                #"invalid value for parameter RoleArn (value: "x"): must match pattern"#))
        let range = ParameterValidationError(
            operation: .listResources, parameter: "MaxResults", rule: .range(min: 1, max: 100, actual: 0))
        #expect(
            range.description.hasSuffix(
                "invalid range for parameter MaxResults: value 0, must be between 1 and 100"))
    }

    @Test func lengthsCountCharactersNotBytes() throws {
        // 10 characters, 20 bytes in UTF-8: long enough, but the pattern rejects non-ASCII.
        let error = #expect(throws: ParameterValidationError.self) {
            try GetResourceInput(typeName: "ééé::éé::é", identifier: "x").validate()
        }
        if case .pattern = error?.rule {
        } else {
            Issue.record("expected a pattern error, got \(String(describing: error))")
        }
    }
}
