import CCSLanguage
import CloudControl
import Foundation
import JSONCore
import ResourceSchemas

/// The iterator behind `list(type)`: one ListResources call per page, made only when the
/// iteration has used up the previous page, so a loop that stops early never fetches pages it
/// does not reach, and memory holds one page at a time however many resources there are.
final class ResourcePager: ValueIterator {
    static let options = ["model", "page_size", "max_items", "starting_token", "role_arn", "type_version_id"]

    /// The checked options of one `list` call.
    struct Settings {
        let type: String
        let resourceModel: String?
        let pageSize: Int?
        let maxItems: Int?
        let startingToken: String?
        let roleArn: String?
        let typeVersionId: String?

        init(type: String, options: CallOptions) throws {
            self.type = type
            switch options.value("model") {
            case nil: resourceModel = nil
            case .string(let text)?: resourceModel = text
            case let model?:
                resourceModel = JSONWriter().string(try JSONBridge.json(model, "list: option 'model'"))
            }
            pageSize = try options.integer("page_size")
            maxItems = try options.integer("max_items")
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
            startingToken = try options.string("starting_token")
            roleArn = try options.string("role_arn")
            typeVersionId = try options.string("type_version_id")
        }
    }

    private let settings: Settings
    private let session: CloudSession
    private let context: CallContext
    private var page: [ResourceDescription] = []
    private var index = 0
    private var nextToken: String?
    private var started = false
    private var yielded = 0

    /// - Parameter context: the `list` call's context, checked for Ctrl-C before each page.
    init(_ settings: Settings, session: CloudSession, context: CallContext) {
        self.settings = settings
        self.session = session
        self.context = context
        self.nextToken = settings.startingToken
    }

    func next() throws -> Value? {
        if let maxItems = settings.maxItems, yielded >= maxItems { return nil }
        while index >= page.count {
            // The last page has no NextToken; an empty page with one means "keep going".
            if started && nextToken == nil { return nil }
            try context.checkInterrupted()
            let input = ListResourcesInput(
                typeName: settings.type, typeVersionId: settings.typeVersionId, roleArn: settings.roleArn,
                nextToken: nextToken, maxResults: settings.pageSize, resourceModel: settings.resourceModel)
            let output: ListResourcesOutput
            do {
                output = try session.call("list") { try $0.listResources(input) }
            } catch var error as ScriptError where error.code == "InvalidRequestException" {
                if let hint = parentKeyHint(error.message) { error.message += "\n" + hint }
                throw error
            }
            started = true
            page = output.resourceDescriptions ?? []
            index = 0
            nextToken = output.nextToken
        }
        let description = page[index]
        index += 1
        yielded += 1
        return .object(
            ResourceValue(
                type: settings.type, identifier: description.identifier ?? "",
                propertiesText: description.properties))
    }

    /// For a child type listed without its parent's key (DESIGN.md "Known pain points": EKS
    /// Nodegroup needs ClusterName), the call that works, e.g.
    /// `list("AWS::EKS::Nodegroup", {model: {ClusterName: "..."}})`. The keys come from the
    /// service's message ("... list handler request input.Required property: (#: required key
    /// [ClusterName] not found)"), else from the emulator's table of child types, else, when
    /// the message speaks of the ResourceModel, from a compound primary identifier (a child
    /// is identified by its parent's keys and its own name); nil when nothing is missing.
    private func parentKeyHint(_ message: String) -> String? {
        var keys = Self.requiredKeys(in: message)
        if keys.isEmpty { keys = ListRequirements.requiredKeys(settings.type) }
        if keys.isEmpty, message.lowercased().contains("resourcemodel"),
            let schema = session.optionalSchema(settings.type)
        {
            let parts = schema.schema.primaryIdentifier.compactMap { $0.tokens.first }
            keys = Array(parts.dropLast())
        }
        var given: Set<String> = []
        if let model = settings.resourceModel, case .map(let box)? = try? JSONCodec.decode(model) {
            given = Set(box.entries.keys)
        }
        let missing = keys.filter { !given.contains($0) }
        guard !missing.isEmpty else { return nil }
        let example = missing.map { "\($0): \"...\"" }.joined(separator: ", ")
        return
            "\(settings.type) is listed per parent: pass the parent's key\(missing.count == 1 ? "" : "s") in 'model', e.g. list(\"\(settings.type)\", {model: {\(example)}})"
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
