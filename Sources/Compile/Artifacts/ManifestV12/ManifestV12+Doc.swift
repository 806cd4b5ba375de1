extension ManifestV12 {
    /// An entry of `docs`: a `{% docs %}` block (dbt's `Documentation`).
    struct Doc: ManifestV12Writable {
        var name: String
        var packageName: String
        /// Relative to the docs path the file was found under.
        var path: String
        var originalFilePath: String
        var blockContents: String

        var uniqueID: String { "doc.\(packageName).\(name)" }

        func write(to w: inout JSONWriter) {
            w.objectStart()
            w.key("name"); w.string(name)
            w.key("resource_type"); w.string("doc")
            w.key("package_name"); w.string(packageName)
            w.key("path"); w.string(path)
            w.key("original_file_path"); w.string(originalFilePath)
            w.key("unique_id"); w.string(uniqueID)
            w.key("block_contents"); w.string(blockContents)
            w.objectEnd()
        }
    }
}
