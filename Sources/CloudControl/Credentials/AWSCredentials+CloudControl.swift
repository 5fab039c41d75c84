import SigV4

/// The credentials type of the SigV4 module, re-exported so that users of CloudControl (the
/// providers' callers, tests) need not import SigV4 themselves.
public typealias AWSCredentials = SigV4.AWSCredentials
