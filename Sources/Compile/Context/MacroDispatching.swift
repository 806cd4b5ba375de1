import Jinja

/// Finds the implementation `adapter.dispatch(name, macro_namespace)` returns: the first of
/// `<adapter>__name`, …, `default__name` in the packages the project's dispatch config searches.
///
/// The compile session implements it per render, since the result is a macro bound to the
/// scope of its package.
public protocol MacroDispatching: Sendable {
    /// The macro to call, as a callable value; throws when no candidate exists.
    ///
    /// - Parameters:
    ///   - name: the macro name without prefix (`datediff`).
    ///   - namespace: the package given as `macro_namespace`, or nil.
    ///   - state: the render in progress.
    func dispatch(_ name: String, namespace: String?, state: RenderState) throws -> Value
}
