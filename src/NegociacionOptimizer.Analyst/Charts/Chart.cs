namespace NegociacionOptimizer.Analyst.Charts;

/// <summary>A drawn chart: the file name it is saved under, a caption for the report, and its PNG bytes.</summary>
/// <param name="FileName">File name in the charts folder, e.g. <c>recovery-histogram.png</c>.</param>
/// <param name="Caption">What the chart shows, one line.</param>
/// <param name="Png">The image.</param>
internal sealed record Chart(string FileName, string Caption, byte[] Png)
{
    /// <summary>Writes the image into <paramref name="folder"/> (created if needed); returns the file's path.</summary>
    public string SaveTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        File.WriteAllBytes(path, Png);
        return path;
    }
}
