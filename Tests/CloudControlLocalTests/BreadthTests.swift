import CloudControl
import Foundation
import JSONCore
import ResourceSchemas
import Testing

@testable import CloudControlLocal

/// Every shipped type through the engine: a minimal desired state drawn from its schema (its
/// required properties, sampled as the generator samples values; the resources its references
/// name created first), then create → get → list → update (where the type has an update
/// handler) → delete. docs/EMULATOR.md, "Breadth", publishes the figure this test measures.
@Suite struct BreadthTests {
    /// The outcome of one type: nil when every step passed, else the step and the reason.
    struct Outcome {
        var typeName: String
        var failure: String?
    }

    final class Run {
        let engine: LocalCloudControl
        var random = SeededRandom(seed: 13)
        /// Parents made for references, by type, reused across children.
        var parents: [String: JSONValue] = [:]
        /// Desired states that needed no parent, with the list model and patch used: the
        /// boto3 run (Tests/python/test_emulator_breadth.py) replays a sample of them.
        var standalone: [String: JSONValue] = [:]

        init() throws { engine = try Support.engine(latency: 0) }

        /// A minimal desired state: required, writable properties sampled from the schema.
        func desiredState(_ schema: ResourceSchema, depth: Int = 0) throws -> JSONObject {
            // The root of a resource schema is an object schema that seldom says `type`.
            guard case .object(var root) = schema.document else { return [:] }
            root["type"] = .string("object")
            let sampled = ResourceGenerator.sample(.object(root), root: schema.document, depth: 0, random: &random)
            guard case .object(var model)? = sampled.first else { return [:] }
            // The keys a listing requires are given too (the list would need them anyway).
            for key in ListRequirements.requiredKeys(for: schema) where model[key] == nil {
                guard let property = schema.document["properties"]?[key] else { continue }
                model[key] = ResourceGenerator.sample(property, root: schema.document, depth: 0, random: &random).first
            }
            for name in Array(model.keys) where schema.isReadOnly(name) { model[name] = nil }
            // A reference's value is a real parent's, created first (the engine checks them):
            // those sampled, and those that name the resource (part of its identifier).
            let identifying = Set(schema.primaryIdentifier.map(\.topLevel))
            for reference in engine.references(of: schema)
            where model[reference.property] != nil || identifying.contains(reference.property) {
                guard depth < 4, let target = reference.targets.first,
                    let parent = try parent(target.typeName, depth: depth + 1),
                    let value = parent[target.property]
                else { continue }
                model[reference.property] = reference.isList ? .array([value]) : value
            }
            return model
        }

        func parent(_ typeName: String, depth: Int) throws -> JSONValue? {
            if let made = parents[typeName] { return made }
            guard let schema = try Support.registry.schema(for: typeName), schema.supports("create") else { return nil }
            let desired = try desiredState(schema, depth: depth)
            let event = try engine.create(
                typeName: typeName, desiredState: JSONWriter().string(.object(desired)), clientToken: nil)
            guard event.operationStatus == .success, let text = event.resourceModel,
                let model = try? JSONParser.parse(text)
            else { return nil }
            parents[typeName] = model
            return model
        }

        func check(_ typeName: String) -> Outcome {
            do {
                return Outcome(typeName: typeName, failure: try steps(typeName))
            } catch {
                return Outcome(typeName: typeName, failure: "threw \(error)")
            }
        }

        private func steps(_ typeName: String) throws -> String? {
            guard let schema = try Support.registry.schema(for: typeName) else { return "no schema" }
            let desired = try desiredState(schema)
            let needsParents = engine.references(of: schema).contains { desired[$0.property] != nil }
            var sample: JSONObject = ["TypeName": .string(typeName), "DesiredState": .object(desired)]
            defer { if !needsParents { standalone[typeName] = .object(sample) } }
            let created: ProgressEvent
            do {
                created = try engine.create(
                    typeName: typeName, desiredState: JSONWriter().string(.object(desired)), clientToken: nil)
            } catch {
                return "create: \(error)"
            }
            guard created.operationStatus == .success, let identifier = created.identifier else {
                return "create " + Self.describe(created)
            }
            let read = try engine.get(typeName: typeName, identifier: identifier)
            guard let model = try? JSONParser.parse(read.properties) else { return "get: unreadable model" }
            if schema.supports("list") {
                var filter = JSONObject()
                for key in ListRequirements.requiredKeys(for: schema) { filter[key] = model[key] ?? desired[key] }
                sample["ListModel"] = .object(filter)
                let (page, _) = try engine.list(
                    typeName: typeName, resourceModel: filter.isEmpty ? nil : JSONWriter().string(.object(filter)),
                    nextToken: nil, maxResults: 100)
                guard page.contains(where: { $0.identifier == identifier }) else { return "list: not listed" }
            }
            if schema.supports("update"), let patch = patch(schema, model: model) {
                sample["Patch"] = .string(patch)
                let updated = try engine.update(
                    typeName: typeName, identifier: identifier, patchDocument: patch, clientToken: nil)
                guard updated.operationStatus == .success else {
                    return "update " + Self.describe(updated)
                }
            }
            let deleted = try engine.delete(typeName: typeName, identifier: identifier, clientToken: nil)
            guard deleted.operationStatus == .success else {
                return "delete " + Self.describe(deleted)
            }
            do {
                _ = try engine.get(typeName: typeName, identifier: identifier)
                return "get after delete: still there"
            } catch let e as LocalError where e.code == "ResourceNotFoundException" {
                return nil
            }
        }

        static func describe(_ event: ProgressEvent) -> String {
            "\(event.operationStatus?.rawValue ?? "?"): \(event.errorCode?.rawValue ?? "") \(event.statusMessage ?? "")"
        }

        /// A patch that rewrites one updatable property with its own value (present in the
        /// model, neither read-only nor create-only nor an identifier), nil when there is none.
        private func patch(_ schema: ResourceSchema, model: JSONValue) -> String? {
            let fixed = Set((schema.createOnlyProperties + schema.readOnlyProperties + schema.primaryIdentifier)
                .map(\.topLevel))
            guard let name = schema.propertyNames.first(where: { !fixed.contains($0) && model[$0] != nil }),
                let value = model[name]
            else { return nil }
            let operation: JSONValue = .object(["op": "replace", "path": .string("/\(name)"), "value": value])
            return JSONWriter().string(.array([operation]))
        }
    }

    /// Provisionable types: those with create, read and delete handlers.
    static func provisionable() throws -> [String] {
        try Support.registry.types().filter { name in
            guard let schema = try Support.registry.schema(for: name) else { return false }
            return ["create", "read", "delete"].allSatisfy(schema.supports)
        }
    }

    @Test func everyProvisionableTypeRunsItsWholeLifecycle() throws {
        let types = try Self.provisionable()
        let run = try Run()
        let outcomes = types.map(run.check)
        let failures = outcomes.filter { $0.failure != nil }
        let passed = outcomes.count - failures.count
        let report = failures.map { "\($0.typeName): \($0.failure ?? "")" }.joined(separator: "\n")
        if let path = ProcessInfo.processInfo.environment["CCS_BREADTH_REPORT"] {
            try "\(passed) of \(outcomes.count)\n\(report)\n".write(toFile: path, atomically: true, encoding: .utf8)
        }
        // Every 25th passing type that needs no parent: about 50 for the boto3 run.
        if let path = ProcessInfo.processInfo.environment["CCS_BREADTH_SAMPLE"] {
            let passing = Set(outcomes.filter { $0.failure == nil }.map(\.typeName))
            let chosen = run.standalone.keys.sorted().filter(passing.contains).enumerated()
                .filter { $0.offset % 25 == 0 }.compactMap { run.standalone[$0.element] }
            try (JSONWriter(sortKeys: true).string(.array(chosen)) + "\n").write(
                toFile: path, atomically: true, encoding: .utf8)
        }
        // docs/EMULATOR.md, "Breadth", lists every failure with its reason.
        #expect(Double(passed) >= 0.99 * Double(outcomes.count), "\(passed) of \(outcomes.count) passed:\n\(report)")
    }
}
