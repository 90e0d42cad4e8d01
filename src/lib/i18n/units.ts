/**
 * The units of the targets' indicators (database column `target.unit`, stored in Vietnamese) as each
 * language writes them, and the unit of a gap between two values. Its own small section because
 * report/units.ts formats the cards' figures too, which must not pull the leaders' whole section along.
 */
import { defineMessages } from './define';

export const tu = defineMessages(
  {
    '%': '%',
    '‰': '‰',
    huyện: 'huyện',
    xã: 'xã',
    'tiêu chí/xã': 'tiêu chí/xã',
    'tỷ đồng': 'tỷ đồng',
    'điểm %/năm': 'điểm %/năm',
    '‰/năm': '‰/năm',
    lần: 'lần',
    // A gap between two shares in % is in percentage points, not in %.
    'gap.%': 'điểm %',
  },
  {
    '%': '%',
    '‰': '‰',
    huyện: 'districts',
    xã: 'communes',
    'tiêu chí/xã': 'criteria/commune',
    'tỷ đồng': 'billion VND',
    'điểm %/năm': 'pp/year',
    '‰/năm': '‰/year',
    lần: '×',
    'gap.%': 'pp',
  },
);
