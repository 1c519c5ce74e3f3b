"""The title lease, the shared rate budget and single-use tokens, on SQLite and PostgreSQL."""

import asyncio

import pytest

from tests.support import take_turn
from tools.core.errors import TitleBusy
from tools.core.pacing import EDGE_MARGIN_SECONDS, RequestPacer
from tools.state.rate_budget import StoreRateBudget
from tools.state.store import open_store
from tools.state.title_lease import StoreTitleLease
from tools.state.tokens import SingleUseTokens


async def test_one_holder_of_a_title_at_a_time_across_owners(store_url):
    async with open_store(store_url) as one, open_store(store_url) as other:
        inside, most = 0, 0

        async def create(lease: StoreTitleLease) -> None:
            nonlocal inside, most
            async with lease.hold("negotiation"):
                inside += 1
                most = max(most, inside)
                await asyncio.sleep(0.01)
                inside -= 1

        leases = [StoreTitleLease(one), StoreTitleLease(other)]
        await asyncio.gather(*(create(leases[n % 2]) for n in range(10)))
    assert most == 1


async def test_a_lapsed_title_lease_is_taken_and_a_held_one_makes_the_other_wait(store, clock):
    died = StoreTitleLease(store, owner="died")
    assert await died._try("negotiation", "died")  # its process dies holding it
    waiting = StoreTitleLease(store, max_wait_seconds=0.2)
    with pytest.raises(TitleBusy):
        async with waiting.hold("negotiation"):
            pass
    clock.now += 7
    async with waiting.hold("negotiation"):
        pass


async def test_a_store_that_is_down_refuses_before_anything_is_sent():
    from tests.servers import free_port

    async with open_store(f"postgresql://u@127.0.0.1:{free_port()}/x") as down:
        with pytest.raises(TitleBusy) as raised:
            async with StoreTitleLease(down).hold("negotiation"):
                pass
    assert "STATE_URL" in raised.value.message and raised.value.safe_to_retry


async def test_the_budget_grants_rate_slots_per_window_whichever_replica_asks(store, clock):
    replicas = [StoreRateBudget(store, "tenant"), StoreRateBudget(store, "tenant")]
    waits = [(await replicas[n % 2].reserve(3, 10.0, 150.0)).wait for n in range(7)]
    assert waits[:3] == [0.0, 0.0, 0.0]
    assert waits[3:6] == [pytest.approx(10.0 + EDGE_MARGIN_SECONDS)] * 3
    assert waits[6] == pytest.approx(20.0 + 2 * EDGE_MARGIN_SECONDS)
    assert (await StoreRateBudget(store, "another tenant").reserve(3, 10.0, 150.0)).wait == 0.0


async def test_a_slot_too_far_away_is_refused_and_not_taken(store, clock):
    budget = StoreRateBudget(store, "tenant")
    for _ in range(2):
        await budget.reserve(2, 60.0, 150.0)
    refused = await budget.reserve(2, 60.0, 30.0)
    assert refused.wait > 30.0 and refused.slot is None
    clock.now += 61
    assert (await budget.reserve(2, 60.0, 30.0)).wait == 0.0  # the refused one took nothing


async def test_a_pause_reaches_every_replica(store, clock):
    await StoreRateBudget(store, "tenant").pause(20.0)
    other = StoreRateBudget(store, "tenant")
    assert await other.paused_for() == pytest.approx(20.0)
    assert (await other.reserve(50, 60.0, 150.0)).wait == pytest.approx(20.0)


async def test_the_pacer_takes_its_slots_from_the_shared_budget(store, clock):
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.now += seconds

    pacers = [
        RequestPacer(2, 5.0, 150.0, shared=StoreRateBudget(store, "t"), sleep=sleep)
        for _ in range(2)
    ]
    for pacer in pacers:
        await take_turn(pacer)
    await take_turn(pacers[0])  # the third request of the tenant waits for the window
    assert slept == [pytest.approx(5.0 + EDGE_MARGIN_SECONDS)]


async def test_a_token_is_claimed_once_among_many_at_once(store_url):
    async with open_store(store_url) as one, open_store(store_url) as other:
        stores = [SingleUseTokens(one), SingleUseTokens(other)]
        claims = await asyncio.gather(*(stores[n % 2].claim("tok-1", 60) for n in range(20)))
        assert claims.count(True) == 1
        await stores[0].settle("tok-1", '{"id": 45}')
        assert await stores[1].first_result("tok-1") == '{"id": 45}'
        assert await stores[1].first_result("tok-2") is None


async def test_an_expired_token_can_be_claimed_again(store, clock):
    tokens = SingleUseTokens(store)
    assert await tokens.claim("tok", 10)
    assert not await tokens.claim("tok", 10)
    clock.now += 11
    assert await tokens.first_result("tok") is None
    assert await tokens.claim("tok", 10)


async def test_a_shared_slot_counts_from_its_answer_for_every_replica(store, clock):
    """As a process pacing alone does (tests/core/test_pacing.py): a burst slow to go out must
    not make the next window's first request early, whichever replica sends it."""
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.now += seconds

    one, other = (
        RequestPacer(2, 10.0, 150.0, clock=clock, sleep=sleep, shared=StoreRateBudget(store, "t"))
        for _ in range(2)
    )
    async with one.turn():
        clock.now += 3.0  # the first exchange ends 3 s after its slot
    async with other.turn():
        pass
    await take_turn(other)
    assert slept == [pytest.approx(10.0 + EDGE_MARGIN_SECONDS)]  # from its answer, not 7.25 s
    assert clock.now == pytest.approx(1_800_000_000.0 + 3.0 + 10.0 + EDGE_MARGIN_SECONDS)


async def test_a_replica_waiting_behind_a_request_in_flight_waits_for_its_answer(store, clock):
    first_answered = asyncio.Event()
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        started = clock.now
        slept.append(seconds)
        await first_answered.wait()
        clock.now = max(clock.now, started + seconds)

    one, other = (
        RequestPacer(1, 10.0, 150.0, clock=clock, sleep=sleep, shared=StoreRateBudget(store, "t"))
        for _ in range(2)
    )
    start = clock.now
    async with one.turn():
        waiting = asyncio.create_task(take_turn(other))
        async with asyncio.timeout(30):
            while not slept:  # the other replica has its slot and sleeps towards it
                await asyncio.sleep(0.01)
        clock.now += 4.0  # the first one's answer comes 4 s after its slot
    first_answered.set()
    await waiting
    edge = 10.0 + EDGE_MARGIN_SECONDS
    assert slept == [pytest.approx(edge), pytest.approx(4.0)]
    assert clock.now == pytest.approx(start + 4.0 + edge)
