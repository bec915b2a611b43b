using System;
using System.IO;

namespace PSPipedream.Http
{
    /// <summary>
    /// A read-only view of an answer's (decompressed) body that fails once more than its cap has
    /// been read, so a body of any size, a compression bomb included, costs at most the cap.
    /// </summary>
    internal sealed class PdCappedStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _cap;
        private long _read;

        public PdCappedStream(Stream inner, long cap)
        {
            _inner = inner;
            _cap = cap;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = _inner.Read(buffer, offset, count);
            _read += n;
            if (_read > _cap) throw new PdBodyTooLargeException(_cap);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
