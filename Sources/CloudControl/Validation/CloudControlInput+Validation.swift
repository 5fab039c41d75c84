// The constraints of each input shape, from service-2.json (shapes TypeName, TypeVersionId,
// RoleArn, ClientToken, Identifier, Properties, PatchDocument, HandlerNextToken, NextToken,
// MaxResults, RequestToken, Operations, OperationStatuses). Checked in member order, so the
// first broken member is the one reported.

extension ParameterRules {
    func typeName(_ value: String) throws {
        try string(value, "TypeName", min: 10, max: 196, pattern: .typeName)
    }

    func common(typeVersionId: String?, roleArn: String?) throws {
        try string(typeVersionId, "TypeVersionId", min: 1, max: 128, pattern: .typeVersionId)
        try string(roleArn, "RoleArn", min: 20, max: 2048, pattern: .roleArn)
    }

    func token(_ value: String?, _ parameter: String) throws {
        try string(value, parameter, min: 1, max: 128, pattern: .token)
    }

    func identifier(_ value: String) throws {
        try string(value, "Identifier", min: 1, max: 1024)
    }

    /// The `Properties` and `PatchDocument` shapes: JSON text, 1–262144 characters, sensitive.
    func document(_ value: String?, _ parameter: String) throws {
        try string(value, parameter, min: 1, max: 262_144, sensitive: true)
    }
}

extension CreateResourceInput {
    public func validate() throws {
        let rules = ParameterRules(operation: Self.operation)
        try rules.typeName(typeName)
        try rules.common(typeVersionId: typeVersionId, roleArn: roleArn)
        try rules.token(clientToken, "ClientToken")
        try rules.document(desiredState, "DesiredState")
    }
}

extension GetResourceInput {
    public func validate() throws {
        let rules = ParameterRules(operation: Self.operation)
        try rules.typeName(typeName)
        try rules.common(typeVersionId: typeVersionId, roleArn: roleArn)
        try rules.identifier(identifier)
    }
}

extension UpdateResourceInput {
    public func validate() throws {
        let rules = ParameterRules(operation: Self.operation)
        try rules.typeName(typeName)
        try rules.common(typeVersionId: typeVersionId, roleArn: roleArn)
        try rules.token(clientToken, "ClientToken")
        try rules.identifier(identifier)
        try rules.document(patchDocument, "PatchDocument")
    }
}

extension DeleteResourceInput {
    public func validate() throws {
        let rules = ParameterRules(operation: Self.operation)
        try rules.typeName(typeName)
        try rules.common(typeVersionId: typeVersionId, roleArn: roleArn)
        try rules.token(clientToken, "ClientToken")
        try rules.identifier(identifier)
    }
}

extension ListResourcesInput {
    public func validate() throws {
        let rules = ParameterRules(operation: Self.operation)
        try rules.typeName(typeName)
        try rules.common(typeVersionId: typeVersionId, roleArn: roleArn)
        // HandlerNextToken: 1–4096 characters, pattern `.+`.
        try rules.string(nextToken, "NextToken", min: 1, max: 4096)
        try rules.integer(maxResults, "MaxResults", min: 1, max: 100)
        try rules.document(resourceModel, "ResourceModel")
    }
}

extension GetResourceRequestStatusInput {
    public func validate() throws {
        try ParameterRules(operation: Self.operation).token(requestToken, "RequestToken")
    }
}

extension ListResourceRequestsInput {
    public func validate() throws {
        let rules = ParameterRules(operation: Self.operation)
        try rules.integer(maxResults, "MaxResults", min: 1, max: 100)
        // NextToken: 1–2048 characters, pattern `[-A-Za-z0-9+/=]+`.
        try rules.string(nextToken, "NextToken", min: 1, max: 2048, pattern: .token)
        guard let filter = resourceRequestStatusFilter else { return }
        for (index, operation) in (filter.operations ?? []).enumerated() {
            try rules.member(operation, "ResourceRequestStatusFilter.Operations[\(index)]")
        }
        for (index, status) in (filter.operationStatuses ?? []).enumerated() {
            try rules.member(status, "ResourceRequestStatusFilter.OperationStatuses[\(index)]")
        }
    }
}

extension CancelResourceRequestInput {
    public func validate() throws {
        try ParameterRules(operation: Self.operation).token(requestToken, "RequestToken")
    }
}
