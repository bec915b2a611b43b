using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PSPipedream.Tests;

/// <summary>A request as a raw HTTP/1.1 server read it off its socket.</summary>
public sealed record RawRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Connection)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 that answers each request with whatever bytes the test
/// gives (or closes the connection without answering), for answers no well-behaved server sends.
/// Keeps connections open between requests, as a real server does, so the client's connection
/// pool behaves as it would in the field. Bounded: it stops when disposed.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawRequest, Task<byte[]?>> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    /// <param name="answer">The bytes to write back for a request, or null to close the connection without a word.</param>
    public LoopbackServer(Func<RawRequest, byte[]?> answer) : this(r => Task.FromResult(answer(r)))
    {
    }

    public LoopbackServer(Func<RawRequest, Task<byte[]?>> answer)
    {
        _answer = answer;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/v1");

    /// <summary>Every request that reached the server, in order.</summary>
    public ConcurrentQueue<RawRequest> Requests { get; } = new();

    /// <summary>A whole answer: status line, headers (Content-Length added), body.</summary>
    public static byte[] Answer(string statusLine, string body = "", string contentType = "application/json", params string[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return Answer(statusLine, bytes, contentType, headers);
    }

    public static byte[] Answer(string statusLine, byte[] body, string contentType, params string[] headers)
    {
        var head = new StringBuilder("HTTP/1.1 ").Append(statusLine).Append("\r\n");
        if (contentType.Length > 0) head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        foreach (var h in headers) head.Append(h).Append("\r\n");
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        var start = Encoding.ASCII.GetBytes(head.ToString());
        var all = new byte[start.Length + body.Length];
        start.CopyTo(all, 0);
        body.CopyTo(all, start.Length);
        return all;
    }

    private async Task AcceptAsync()
    {
        var served = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
                served.Add(ServeAsync(socket, Interlocked.Increment(ref _connections)));
            }
        }
        catch (Exception e) when (e is OperationCanceledException || e is ObjectDisposedException || e is SocketException)
        {
        }
        await Task.WhenAll(served);
    }

    private async Task ServeAsync(TcpClient socket, int connection)
    {
        using (socket)
        {
            try
            {
                var stream = socket.GetStream();
                while (!_stop.IsCancellationRequested)
                {
                    var request = await ReadRequestAsync(stream, connection);
                    if (request == null) return;
                    Requests.Enqueue(request);
                    var answer = await _answer(request);
                    if (answer == null) return;
                    await stream.WriteAsync(answer, _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                }
            }
            catch (Exception e) when (e is IOException || e is OperationCanceledException || e is SocketException || e is ObjectDisposedException)
            {
            }
        }
    }

    private async Task<RawRequest?> ReadRequestAsync(NetworkStream stream, int connection)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0) return null;
            head.Add(one[0]);
            var n = head.Count;
            if (n >= 4 && head[n - 4] == '\r' && head[n - 3] == '\n' && head[n - 2] == '\r' && head[n - 1] == '\n') break;
        }
        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var first = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon > 0) headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
        }
        var body = Array.Empty<byte>();
        if (headers.TryGetValue("Content-Length", out var length) && int.TryParse(length, out var count) && count > 0)
        {
            body = new byte[count];
            var read = 0;
            while (read < count)
            {
                var got = await stream.ReadAsync(body.AsMemory(read), _stop.Token);
                if (got == 0) return null;
                read += got;
            }
        }
        return new RawRequest(first[0], first.Length > 1 ? first[1] : "", headers, body, connection);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
        }
        _stop.Dispose();
    }
}
