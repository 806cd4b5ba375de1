import Project

extension ManifestV12 {
    /// An entry of `exposures` (dbt's `Exposure`).
    struct Exposure: ManifestV12Writable {
        var name: String
        var packageName: String
        var path: String
        var originalFilePath: String
        var uniqueID: String
        var fqn: [String]
        /// `dashboard`, `notebook`, `analysis`, `ml` or `application`.
        var type: String
        var owner: ConfigMap
        var description: String
        var label: String?
        var maturity: String?
        var meta: ConfigMap
        var tags: [String]
        var enabled: Bool
        var url: String?
        var dependsOnNodes: [String]
        var refs: [Ref]
        var sources: [[String]]
        var createdAt: Double

        func write(to w: inout JSONWriter) {
            w.objectStart()
            w.key("name"); w.string(name)
            w.key("resource_type"); w.string("exposure")
            w.key("package_name"); w.string(packageName)
            w.key("path"); w.string(path)
            w.key("original_file_path"); w.string(originalFilePath)
            w.key("unique_id"); w.string(uniqueID)
            w.key("fqn"); w.strings(fqn)
            w.key("type"); w.string(type)
            w.key("owner")
            w.objectStart()
            w.key("email"); w.value(owner["email"])
            w.key("name"); w.value(owner["name"])
            for (k, v) in owner where k != "email" && k != "name" { w.key(k); w.value(v) }
            w.objectEnd()
            w.key("description"); w.string(description)
            w.key("label"); w.string(label)
            w.key("maturity"); w.string(maturity)
            w.key("meta"); w.map(meta)
            w.key("tags"); w.strings(tags)
            w.key("config")
            w.objectStart()
            w.key("enabled"); w.bool(enabled)
            w.key("tags"); w.strings(tags)
            w.key("meta"); w.map(meta)
            w.objectEnd()
            w.key("unrendered_config"); w.emptyObject()
            w.key("url"); w.string(url)
            ManifestV12.writeDependsOn(macros: [], nodes: dependsOnNodes, to: &w)
            ManifestV12.writeReferences(refs: refs, sources: sources, to: &w)
            w.key("created_at"); w.double(createdAt)
            w.objectEnd()
        }
    }
}
