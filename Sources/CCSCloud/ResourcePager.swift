import CCSLanguage
import CloudControl
import Foundation
import JSONCore
import ResourceSchemas

/// `list(type [, opts])`: its options, checked, as the ListResources input and pagination
/// config of a `PaginatedValues`, and the hint it adds when a child type is listed without
/// its parent's key.
enum ResourcePager {
    static let options = [
        "model", "page_size", "max_items", "starting_token", "role_arn", "type_version_id", "details", "concurrency",
    ]

    /// The checked options of one `list` call.
    struct Settings {
        let type: String
        let input: ListResourcesInput
        let pagination: PaginationConfig
        /// The ResourceModel when it was given as a map: the hint reads its keys here rather
        /// than parsing the text it was written to.
        let model: JSONValue?

        init(type: String, options: CallOptions) throws {
            self.type = type
            let resourceModel: String?
            switch options.value("model") {
            case nil:
                resourceModel = nil
                model = nil
            case .string(let text)?:
                resourceModel = text
                model = nil
            case let given?:
                let json = try JSONBridge.json(given, "list: option 'model'")
                resourceModel = JSONWriter().string(json)
                model = json
            }
            let pageSize = try options.integer("page_size")
            let maxItems = try options.integer("max_items")
            if let pageSize, pageSize < 1 || pageSize > 100 {
                throw ScriptError(
                    code: ErrorCode.valueError,
                    message: "list: option 'page_size' must be between 1 and 100, got \(pageSize)")
            }
            if let maxItems, maxItems < 0 {
                throw ScriptError(
                    code: ErrorCode.valueError,
                    message: "list: option 'max_items' must not be negative, got \(maxItems)")
            }
            input = ListResourcesInput(
                typeName: type, typeVersionId: try options.string("type_version_id"),
                roleArn: try options.string("role_arn"), resourceModel: resourceModel)
            pagination = PaginationConfig(
                maxItems: maxItems, pageSize: pageSize, startingToken: try options.string("starting_token"))
        }
    }

    /// The lazy iteration of one `list` call.
    static func iterator(_ settings: Settings, session: CloudSession, context: CallContext) -> ValueIterator {
        PaginatedValues(
            "list", input: settings.input, config: settings.pagination, session: session, context: context,
            value: { description in
                // A resource without its identifier could be neither read nor changed again.
                guard let identifier = description.identifier, !identifier.isEmpty else {
                    throw CloudErrors.local(
                        CloudErrors.malformedResponse,
                        "list: a \(settings.type) resource in the service's answer has no Identifier")
                }
                return .object(
                    ResourceValue(
                        type: settings.type, identifier: identifier, propertiesText: description.properties,
                        origin: session))
            },
            explain: { error in
                guard error.code == "InvalidRequestException",
                    let hint = parentKeyHint(error.message, settings, session)
                else { return error }
                var explained = error
                explained.message += "\n" + hint
                return explained
            })
    }

    /// For a child type listed without its parent's key (DESIGN.md "Known pain points": EKS
    /// Nodegroup needs ClusterName), the call that works, e.g.
    /// `list("AWS::EKS::Nodegroup", {model: {ClusterName: "..."}})`. The keys come from the
    /// service's message ("... list handler request input.Required property: (#: required key
    /// [ClusterName] not found)"), else from the emulator's table of child types, else, when
    /// the message speaks of the ResourceModel, from a compound primary identifier (a child
    /// is identified by its parent's keys and its own name); nil when nothing is missing.
    private static func parentKeyHint(_ message: String, _ settings: Settings, _ session: CloudSession)
        -> String?
    {
        let type = settings.type
        var keys = requiredKeys(in: message)
        if keys.isEmpty { keys = ListRequirements.requiredKeys(type) }
        if keys.isEmpty, message.lowercased().contains("resourcemodel"),
            let schema = session.optionalSchema(type)
        {
            let parts = schema.schema.primaryIdentifier.compactMap { $0.tokens.first }
            keys = Array(parts.dropLast())
        }
        var given: Set<String> = []
        // A model given as text is parsed only here, on the error path.
        let model = settings.model ?? settings.input.resourceModel.flatMap { try? JSONParser.parse($0) }
        if case .object(let members)? = model { given = Set(members.keys) }
        let missing = keys.filter { !given.contains($0) }
        guard !missing.isEmpty else { return nil }
        let example = missing.map { "\($0): \"...\"" }.joined(separator: ", ")
        return
            "\(type) is listed per parent: pass the parent's key\(missing.count == 1 ? "" : "s") in 'model', e.g. list(\"\(type)\", {model: {\(example)}})"
    }

    /// The names in "required key [A]" / "required key [A, B]" phrases of a service message
    /// (JSON Schema validation of the list handler's input, as Cloud Control words it).
    static func requiredKeys(in message: String) -> [String] {
        var keys: [String] = []
        var rest = Substring(message)
        while let marker = rest.range(of: "required key [") {
            rest = rest[marker.upperBound...]
            guard let close = rest.firstIndex(of: "]") else { break }
            for name in rest[..<close].split(separator: ",") {
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty, !keys.contains(trimmed) { keys.append(trimmed) }
            }
            rest = rest[close...]
        }
        return keys
    }
}
