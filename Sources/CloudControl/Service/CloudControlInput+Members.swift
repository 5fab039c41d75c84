// The member names of each input shape, by object path ("" is the input itself), for the
// strict decoding of `ccs api` input: any other member is reported as unknown.

extension CreateResourceInput {
    public static var wireMembers: [String: [String]] { ["": CodingKeys.allCases.map(\.rawValue)] }
}

extension GetResourceInput {
    public static var wireMembers: [String: [String]] { ["": CodingKeys.allCases.map(\.rawValue)] }
}

extension UpdateResourceInput {
    public static var wireMembers: [String: [String]] { ["": CodingKeys.allCases.map(\.rawValue)] }
}

extension DeleteResourceInput {
    public static var wireMembers: [String: [String]] { ["": CodingKeys.allCases.map(\.rawValue)] }
}

extension ListResourcesInput {
    public static var wireMembers: [String: [String]] { ["": CodingKeys.allCases.map(\.rawValue)] }
}

extension GetResourceRequestStatusInput {
    public static var wireMembers: [String: [String]] { ["": CodingKeys.allCases.map(\.rawValue)] }
}

extension ListResourceRequestsInput {
    public static var wireMembers: [String: [String]] {
        [
            "": CodingKeys.allCases.map(\.rawValue),
            "ResourceRequestStatusFilter": ResourceRequestStatusFilter.CodingKeys.allCases.map(\.rawValue),
        ]
    }
}

extension CancelResourceRequestInput {
    public static var wireMembers: [String: [String]] { ["": CodingKeys.allCases.map(\.rawValue)] }
}
