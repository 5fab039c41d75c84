import CCSLanguage
import CloudControl
import OrderedCollections

extension ProgressEvent {
    /// The event as a map with its wire member names (`TypeName`, `Identifier`,
    /// `RequestToken`, `OperationStatus`...), absent members left out, timestamps as ISO 8601
    /// strings; `hooks` (from GetResourceRequestStatus) become `HooksProgressEvent`.
    func scriptValue(hooks: HooksProgressEvent? = nil) -> Value {
        var entries: OrderedDictionary<String, Value> = [:]
        func put(_ key: CodingKeys, _ text: String?) {
            if let text { entries[key.rawValue] = .string(text) }
        }
        put(.typeName, typeName)
        put(.identifier, identifier)
        put(.requestToken, requestToken)
        put(.hooksRequestToken, hooksRequestToken)
        put(.operation, operation?.rawValue)
        put(.operationStatus, operationStatus?.rawValue)
        put(.eventTime, eventTime.map(ISOTimestamp.string))
        put(.resourceModel, resourceModel)
        put(.statusMessage, statusMessage)
        put(.errorCode, errorCode?.rawValue)
        put(.retryAfter, retryAfter.map(ISOTimestamp.string))
        if let hooks {
            entries["HooksProgressEvent"] = .list(ListBox(hooks.map { $0.scriptValue() }))
        }
        return .map(MapBox(entries))
    }
}

extension HookProgressEvent {
    /// One hook invocation as a map with its wire member names.
    func scriptValue() -> Value {
        var entries: OrderedDictionary<String, Value> = [:]
        func put(_ key: CodingKeys, _ text: String?) {
            if let text { entries[key.rawValue] = .string(text) }
        }
        put(.hookTypeName, hookTypeName)
        put(.hookTypeVersionId, hookTypeVersionId)
        put(.hookTypeArn, hookTypeArn)
        put(.invocationPoint, invocationPoint?.rawValue)
        put(.hookStatus, hookStatus?.rawValue)
        put(.hookEventTime, hookEventTime.map(ISOTimestamp.string))
        put(.hookStatusMessage, hookStatusMessage)
        put(.failureMode, failureMode?.rawValue)
        return .map(MapBox(entries))
    }
}
