using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Idempotency;
using CleanGames.WebApi.Common.Dialects;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace CleanGames.WebApi.Common.Idempotency;

/// <summary>
/// Runs an <see cref="IdempotentAttribute"/> action at most once per (account, route, key): it
/// reserves the key before model binding, lets the action run, and keeps what was written (status,
/// content type, body bytes) for the retries. A resource filter, so it sees the response exactly as
/// the envelope filter and the error handler wrote it, and a replay skips binding and the action.
/// </summary>
internal sealed class IdempotencyFilter(
    IIdempotencyStore store,
    IdempotencyReservation reservation,
    ICurrentUser caller,
    IClock clock,
    IOptions<IdempotencyOptions> options,
    IEnumerable<IExceptionHandler> exceptionHandlers) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!context.ActionDescriptor.EndpointMetadata.OfType<IdempotentAttribute>().Any()
            || !http.Request.Headers.TryGetValue(IdempotencyRules.HeaderName, out var header)
            || caller.AccountId is not { } accountId)
        {
            // No key, or nobody to scope it to (an anonymous caller on an open route): as without the attribute.
            await next();
            return;
        }

        var problem = header.Count == 1 ? IdempotencyRules.ProblemWith(header[0] ?? string.Empty) : $"{IdempotencyRules.HeaderName} must be sent once.";
        if (problem is not null)
        {
            context.Result = ApiErrorResponder.AsResult(ApiError.Validation([new ApiFieldError("header", IdempotencyRules.HeaderName, problem, "value_error")], problem));
            return;
        }

        var route = IdempotencyRules.RouteOf(
            http.Request.Method,
            context.ActionDescriptor.AttributeRouteInfo?.Template ?? http.Request.Path.Value ?? string.Empty,
            name => context.RouteData.Values.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null);
        http.Request.EnableBuffering();
        var fingerprint = await IdempotencyRules.FingerprintAsync(http.Request.QueryString.Value, http.Request.Body, http.RequestAborted);
        http.Request.Body.Position = 0;

        var claim = await store.ClaimAsync(new IdempotencyScope(accountId, route, header[0]!), fingerprint, clock.UtcNow, http.RequestAborted);
        switch (claim)
        {
            case IdempotencyClaim.Reserved reserved:
                await RunAsync(context, next, reserved);
                return;
            case IdempotencyClaim.Replay replay:
                context.Result = new ReplayResult(replay.Response);
                return;
            case IdempotencyClaim.Reused:
                context.Result = ApiErrorResponder.AsResult(ApiError.From(PlatformErrors.IdempotencyKeyReused));
                return;
            case IdempotencyClaim.OutcomeUnknown:
                context.Result = ApiErrorResponder.AsResult(ApiError.From(PlatformErrors.IdempotencyOutcomeUnknown));
                return;
            case IdempotencyClaim.TooManyKeys:
                context.Result = ApiErrorResponder.AsResult(ApiError.From(PlatformErrors.IdempotencyTooManyKeys));
                return;
            default:
                context.Result = ApiErrorResponder.AsResult(ApiError.From(PlatformErrors.IdempotencyInProgress) with { RetryAfter = TimeSpan.FromSeconds(1) });
                return;
        }
    }

    private async Task RunAsync(ResourceExecutingContext context, ResourceExecutionDelegate next, IdempotencyClaim.Reserved reserved)
    {
        var http = context.HttpContext;
        var limit = options.Value.MaxResponseBytes;
        reservation.Hold(reserved.Id, reserved.Lease);

        var original = http.Response.Body;
        var capture = new CapturingStream(original, limit);
        http.Response.Body = capture;
        try
        {
            var executed = await next();
            if (executed.Exception is { } exception && !executed.ExceptionHandled)
            {
                // Answered here, exactly as the exception handler would, so that the answer is kept too.
                foreach (var handler in exceptionHandlers)
                {
                    if (await handler.TryHandleAsync(http, exception, http.RequestAborted))
                    {
                        executed.ExceptionHandled = true;
                        break;
                    }
                }
            }

            await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
        }
        finally
        {
            http.Response.Body = original;
        }

        // The outcome is kept even if the client has gone: its retry must find it.
        var status = http.Response.StatusCode;
        if (IdempotencyRules.IsStored(status) && !capture.Overflowed)
        {
            await store.CompleteAsync(reserved, new StoredResponse(status, http.Response.ContentType, capture.Captured()), clock.UtcNow, CancellationToken.None);
        }
        else if (!reservation.Applied)
        {
            // Nothing was saved (a fault, a 429, a response too large to keep): a retry runs again.
            await store.ReleaseAsync(reserved, CancellationToken.None);
        }

        // Otherwise the effect is saved but its response is not kept: the key answers
        // platform.idempotency.outcome_unknown until it expires, and never runs the action again.
    }

    /// <summary>Writes a kept response back byte for byte, marked as a replay.</summary>
    private sealed class ReplayResult(StoredResponse response) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var http = context.HttpContext.Response;
            http.StatusCode = response.Status;
            if (response.ContentType is not null)
            {
                http.ContentType = response.ContentType;
            }

            http.Headers[IdempotencyRules.ReplayedHeaderName] = "true";
            http.ContentLength = response.Body.Length;
            await http.Body.WriteAsync(response.Body, context.HttpContext.RequestAborted);
        }
    }

    /// <summary>Passes the response through to the client and keeps a copy of its first <c>limit</c> bytes.</summary>
    private sealed class CapturingStream(Stream inner, int limit) : Stream
    {
        private readonly MemoryStream _copy = new();

        public bool Overflowed { get; private set; }

        public byte[] Captured() => _copy.ToArray();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (Overflowed)
            {
                return;
            }

            if (_copy.Length + bytes.Length > limit)
            {
                // Too large to keep: the copy is dropped rather than held for nothing.
                Overflowed = true;
                _copy.SetLength(0);
                _copy.Capacity = 0;
                return;
            }

            _copy.Write(bytes);
        }
    }
}
