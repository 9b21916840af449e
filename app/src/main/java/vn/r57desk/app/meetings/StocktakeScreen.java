package vn.r57desk.app.meetings;

import java.time.Clock;
import java.time.LocalDate;

import javafx.scene.Node;

import vn.r57desk.app.nav.Place;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.meeting.AgendaItem;
import vn.r57desk.store.meeting.Decisions;
import vn.r57desk.store.meeting.MeetingAgenda;
import vn.r57desk.store.meeting.Meetings;
import vn.r57desk.store.meeting.Notes;
import vn.r57desk.store.query.DrillDown;

/** The stocktake of one agenda item (docs/meetings.md), one click from the agenda. */
public final class StocktakeScreen implements Screen<Place.Stocktake, StocktakeView.Data> {
    @Override
    public Class<Place.Stocktake> placeType() {
        return Place.Stocktake.class;
    }

    @Override
    public StocktakeView.Data load(DrillDown dd, Place.Stocktake place, LocalDate today) throws CacheException {
        return read(dd, place.meeting().meetingId(), place.itemId(), today);
    }

    /** The stocktake with this meeting's decisions on the item and its private notes. Blocks. */
    static StocktakeView.Data read(DrillDown dd, long meetingId, long itemId, LocalDate today) throws CacheException {
        Meetings meetings = new Meetings(dd.cache(), dd);
        MeetingAgenda m = meetings.meeting(meetingId).orElseThrow(() -> new IllegalArgumentException(
                "Không còn phiên họp " + meetingId + " trong dữ liệu. / Meeting " + meetingId + " is no longer in the data."));
        AgendaItem item = m.items().stream().filter(i -> i.id() == itemId).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "Không còn mục này trong chương trình họp. / This agenda item is no longer on the meeting's agenda."));
        return read(dd, meetings, m, item, today);
    }

    static StocktakeView.Data read(DrillDown dd, Meetings meetings, MeetingAgenda m, AgendaItem item, LocalDate today) throws CacheException {
        String[] anchor = StocktakeView.anchor(item);
        return new StocktakeView.Data(meetings.stocktake(m, item, today),
                DecisionsPanel.of(new Decisions(dd.cache(), Clock.systemUTC()), m.meeting().id(), item),
                new Notes(dd.cache(), Clock.systemUTC()).about(anchor[0], anchor[1]));
    }

    @Override
    public Node render(Ctx ctx, Place.Stocktake here, StocktakeView.Data data) {
        return StocktakeView.build(ctx, here, data, false).node();
    }
}
