/// A request's progress at one moment, with every field of Cloud Control's `ProgressEvent`.
/// The service adapter turns it into the shared model type.
public struct ProgressSnapshot: Sendable, Equatable {
    public var typeName: String
    /// Empty when the identifier is not known (a create whose model was invalid).
    public var identifier: String
    public var requestToken: String
    public var hooksRequestToken: String
    public var operation: RequestOperation
    public var status: RequestStatus
    /// Seconds since the epoch of the latest transition.
    public var eventTime: Double
    /// The resource model as JSON text (write-only properties removed), on SUCCESS of a create
    /// or update.
    public var resourceModel: String?
    public var statusMessage: String?
    /// A handler error code (`AlreadyExists`, `NotFound`, `NotUpdatable`, `InvalidRequest`,
    /// `Throttling`) when the status is FAILED.
    public var errorCode: String?
    /// Seconds since the epoch after which the status is worth asking again, while unfinished.
    public var retryAfter: Double?
}
