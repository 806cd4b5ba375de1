import Project

extension ManifestV12 {
    /// An entry of `macros` (dbt's `Macro`).
    struct Macro: ManifestV12Writable {
        var name: String
        var packageName: String
        /// Relative to the package root (`macros/cents.sql`), as dbt writes both `path` and
        /// `original_file_path` for macros.
        var path: String
        var uniqueID: String
        var macroSQL: String
        var dependsOnMacros: [String]
        var description: String
        var meta: ConfigMap
        var docs: ConfigMap?
        var patchPath: String?
        var arguments: [MacroProperties.Argument]
        var createdAt: Double
        /// `["sql"]` for materializations, otherwise nil.
        var supportedLanguages: [String]?

        func write(to w: inout JSONWriter) {
            w.objectStart()
            w.key("name"); w.string(name)
            w.key("resource_type"); w.string("macro")
            w.key("package_name"); w.string(packageName)
            w.key("path"); w.string(path)
            w.key("original_file_path"); w.string(path)
            w.key("unique_id"); w.string(uniqueID)
            w.key("macro_sql"); w.string(macroSQL)
            ManifestV12.writeDependsOn(macros: dependsOnMacros, nodes: nil, to: &w)
            w.key("description"); w.string(description)
            w.key("meta"); w.map(meta)
            w.key("docs"); ManifestV12.writeDocs(docs, to: &w)
            w.key("config")
            w.objectStart()
            w.key("meta"); w.map(meta)
            w.key("docs"); ManifestV12.writeDocs(docs, to: &w)
            w.objectEnd()
            w.key("patch_path"); w.string(patchPath)
            w.key("arguments")
            w.arrayStart()
            for a in arguments {
                w.objectStart()
                w.key("name"); w.string(a.name)
                w.key("type"); w.string(a.type)
                w.key("description"); w.string(a.description)
                w.objectEnd()
            }
            w.arrayEnd()
            w.key("created_at"); w.double(createdAt)
            w.key("supported_languages")
            if let supportedLanguages { w.strings(supportedLanguages) } else { w.null() }
            w.objectEnd()
        }
    }
}
